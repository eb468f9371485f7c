using System.Net;
using System.Net.Http.Headers;

namespace ServiceAuth.Client.Testing.Internal.Hosting;

/// <summary>
/// A primary handler that runs the endpoint's pipeline without sockets. It presents the request as
/// <see cref="SocketsHttpHandler"/> would put it on the wire: the escaped path and query, a Host header, and one line
/// per header with the values joined.
/// </summary>
internal sealed class InMemoryHandler : HttpMessageHandler
{
    private readonly EndpointPipeline _pipeline;

    public InMemoryHandler(EndpointPipeline pipeline) => _pipeline = pipeline;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        WireRequest wire = await ToWireAsync(request, cancellationToken).ConfigureAwait(false);
        WireResponse answer = await _pipeline.HandleAsync(wire, cancellationToken).ConfigureAwait(false);
        var content = new ByteArrayContent(answer.Body);
        content.Headers.TryAddWithoutValidation("Content-Type", answer.ContentType);
        var response = new HttpResponseMessage((HttpStatusCode)answer.StatusCode) { Content = content, RequestMessage = request };
        foreach (KeyValuePair<string, string> header in answer.Headers)
        {
            if (!response.Headers.TryAddWithoutValidation(header.Key, header.Value))
            {
                content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return response;
    }

    private static async Task<WireRequest> ToWireAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Uri uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        var headers = new List<KeyValuePair<string, string>>
        {
            new("Host", request.Headers.Host ?? (uri.IsDefaultPort ? uri.IdnHost : $"{uri.IdnHost}:{uri.Port}")),
        };
        foreach (KeyValuePair<string, HeaderStringValues> header in request.Headers.NonValidated)
        {
            if (!header.Key.Equals("Host", StringComparison.OrdinalIgnoreCase))
            {
                headers.Add(new(header.Key, Join(header.Key, header.Value)));
            }
        }

        byte[] body = [];
        if (request.Content is not null)
        {
            body = await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            foreach (KeyValuePair<string, HeaderStringValues> header in request.Content.Headers.NonValidated)
            {
                if (!header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                {
                    headers.Add(new(header.Key, Join(header.Key, header.Value)));
                }
            }

            headers.Add(new("Content-Length", (request.Content.Headers.ContentLength ?? body.Length).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        else if (request.Method == HttpMethod.Post || request.Method == HttpMethod.Put)
        {
            headers.Add(new("Content-Length", "0"));
        }

        return new WireRequest(request.Method.Method, uri.PathAndQuery, headers, body);
    }

    private static string Join(string name, HeaderStringValues values) =>
        string.Join(name.Equals("User-Agent", StringComparison.OrdinalIgnoreCase) ? " " : ", ", values);
}
