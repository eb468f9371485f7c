using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace ServiceAuth.Client.Tests.ClientCredentials;

/// <summary>A scripted OAuth 2.0 token endpoint: counts requests, records their form and Authorization header, and answers
/// with <see cref="Respond"/> (a fresh 3600-second token by default) after <see cref="Gate"/> opens.</summary>
public sealed class FakeTokenEndpoint : HttpMessageHandler
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public ConcurrentQueue<(string? Authorization, string Body, CancellationToken Token)> Received { get; } = new();

    public Task Gate { get; set; } = Task.CompletedTask;

    public Func<int, HttpResponseMessage> Respond { get; set; } = n => Token($"token-{n}", 3600);

    public static HttpResponseMessage Token(string value, int expiresIn, string type = "Bearer") => Json(HttpStatusCode.OK,
        $$"""{"access_token":"{{value}}","expires_in":{{expiresIn}},"token_type":"{{type}}"}""");

    public static HttpResponseMessage Error(string error, HttpStatusCode status = HttpStatusCode.BadRequest) => Json(status, $$"""{"error":"{{error}}"}""");

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        int n = Interlocked.Increment(ref _calls);
        string body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        Received.Enqueue((request.Headers.Authorization?.ToString(), body, cancellationToken));
        await Gate;
        return Respond(n);
    }
}
