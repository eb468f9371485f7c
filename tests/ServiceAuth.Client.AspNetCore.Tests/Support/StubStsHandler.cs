using System.Net;

namespace ServiceAuth.Client.AspNetCore.Tests.Support;

/// <summary>An STS stand-in for answers the local endpoint never gives: it records each request and answers with
/// <c>respond</c> (which may wait for cancellation to model a hung STS).</summary>
internal sealed class StubStsHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> respond) : HttpMessageHandler
{
    private readonly TaskCompletionSource _called = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public List<HttpRequestMessage> Requests { get; } = [];

    /// <summary>Gets a task that completes when the first request arrives.</summary>
    public Task Called => _called.Task;

    public static StubStsHandler Hang() => new(async (_, ct) =>
    {
        await Task.Delay(Timeout.InfiniteTimeSpan, ct);
        return new HttpResponseMessage(HttpStatusCode.OK);
    });

    public static StubStsHandler Answer(HttpStatusCode status, string body, string contentType = "application/json", string? location = null) => new((_, _) =>
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body) };
        response.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        if (location is not null)
        {
            response.Headers.Location = new Uri(location);
        }

        return Task.FromResult(response);
    });

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (Requests)
        {
            Requests.Add(request);
        }

        _called.TrySetResult();
        return respond(request, cancellationToken);
    }
}
