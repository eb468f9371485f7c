using System.Collections.Concurrent;
using System.Net;

namespace ServiceAuth.Client.Tests.Support;

/// <summary>A primary handler for recovery and retry tests that records what is sent (headers as on the wire, body bytes) and answers with
/// <see cref="Respond"/> (200 by default).</summary>
public sealed class ScriptedHandler : HttpMessageHandler
{
    public ConcurrentQueue<SentRequest> Sent { get; } = new();

    public Func<HttpRequestMessage, int, HttpResponseMessage> Respond { get; set; } = (_, _) => new HttpResponseMessage(HttpStatusCode.OK);

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
        var sent = new SentRequest(
            request.Method,
            request.RequestUri!,
            request.Headers.TryGetValues("Authorization", out var auth) ? auth.Single() : null,
            request.Headers.TryGetValues("X-Amz-Date", out var date) ? date.Single() : null,
            request.Headers.TryGetValues("X-Amz-Security-Token", out var token) ? token.Single() : null,
            body);
        Sent.Enqueue(sent);
        return Respond(request, Sent.Count);
    }

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
}
