using System.Collections.Concurrent;

namespace ServiceAuth.Client.IntegrationTests.Resilience;

/// <summary>Sits below the signer, above the endpoint: records every attempt's Authorization header lines as sent.</summary>
internal sealed class WireRecorder(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    public ConcurrentQueue<string[]> Authorizations { get; } = new();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Record(request);
        return base.SendAsync(request, cancellationToken);
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Record(request);
        return base.Send(request, cancellationToken);
    }

    private void Record(HttpRequestMessage request) =>
        Authorizations.Enqueue(request.Headers.NonValidated.TryGetValues("Authorization", out var values) ? [.. values] : []);
}
