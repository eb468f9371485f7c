namespace ServiceAuth.Client.Tests.Support;

/// <summary>An outer handler that sends each request twice, as a retry handler does, and runs an action in between.</summary>
public sealed class ResendingHandler(Action? between = null) : DelegatingHandler
{
    public List<bool> SawAuthorization { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        SawAuthorization.Add(request.Headers.Contains("Authorization"));
        (await base.SendAsync(request, cancellationToken)).Dispose();
        between?.Invoke();
        return await base.SendAsync(request, cancellationToken);
    }
}
