using System.Net;

namespace ServiceAuth.Client.Tests.Support;

/// <summary>A primary handler that records what would go on the wire and answers 200 (or what a test sets).</summary>
public sealed class CapturingHandler : HttpMessageHandler
{
    private readonly List<CapturedRequest> _requests = [];

    public Func<HttpRequestMessage, HttpResponseMessage>? Respond { get; set; }

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

    public bool AllowAutoRedirect { get; set; } = true;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        byte[]? body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        Record(request, body);
        return Respond?.Invoke(request) ?? new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request };
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        byte[]? body = request.Content is null ? null : request.Content.ReadAsStream(cancellationToken) is { } s ? ReadAll(s) : null;
        Record(request, body);
        return Respond?.Invoke(request) ?? new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request };
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private void Record(HttpRequestMessage request, byte[]? body)
    {
        var headers = request.Headers.NonValidated.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        if (request.Content is not null)
        {
            foreach (var h in request.Content.Headers.NonValidated)
            {
                headers[h.Key] = h.Value.ToString();
            }
        }

        lock (_requests)
        {
            _requests.Add(new CapturedRequest(request.Method, request.RequestUri!, headers, body));
        }
    }
}
