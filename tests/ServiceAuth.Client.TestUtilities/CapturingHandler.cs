using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace ServiceAuth.Client.TestUtilities;

/// <summary>A primary handler that records every request as it would go on the wire (after signing), on the
/// asynchronous and the synchronous path, and answers with <see cref="Respond"/> (200 by default).</summary>
public sealed class CapturingHandler : HttpMessageHandler
{
    private readonly List<CapturedRequest> _requests = [];

    public CapturingHandler()
    {
    }

    /// <summary>Answers every request with <paramref name="respond"/>.</summary>
    public CapturingHandler(Func<CapturedRequest, HttpResponseMessage> respond) => Respond = (request, _) => respond(request);

    /// <summary>Gets or sets the answer to a request, given the request and how many have been sent so far (1 for the first).</summary>
    public Func<CapturedRequest, int, HttpResponseMessage> Respond { get; set; } = (_, _) => new HttpResponseMessage(HttpStatusCode.OK);

    public IReadOnlyList<CapturedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public static HttpResponseMessage Xml(string xml, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(xml, Encoding.UTF8, "text/xml") };

    /// <summary>An AWS error answer: an awsQuery XML document, or an awsJson one, with an optional <c>Date</c>.</summary>
    public static HttpResponseMessage Error(HttpStatusCode status, string code, DateTimeOffset? date = null, bool json = false)
    {
        var response = new HttpResponseMessage(status)
        {
            Content = new StringContent(json
                ? $"{{\"__type\":\"com.amazon.coral.service#{code}\",\"message\":\"m\"}}"
                : $"<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type><Code>{code}</Code><Message>m</Message></Error><RequestId>r-1</RequestId></ErrorResponse>"),
        };
        response.Headers.Date = date;
        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Record(request, request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken));

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is null)
        {
            return Record(request, null);
        }

        using var body = new MemoryStream();
        request.Content.CopyTo(body, null, cancellationToken);
        return Record(request, body.ToArray());
    }

    private HttpResponseMessage Record(HttpRequestMessage request, byte[]? body)
    {
        var headers = request.Headers.NonValidated.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        if (request.Content is not null)
        {
            foreach (KeyValuePair<string, HeaderStringValues> header in request.Content.Headers.NonValidated)
            {
                headers[header.Key] = header.Value.ToString();
            }
        }

        var captured = new CapturedRequest(request.Method, request.RequestUri!, headers, body);
        int count;
        lock (_requests)
        {
            _requests.Add(captured);
            count = _requests.Count;
        }

        return Respond(captured, count);
    }
}
