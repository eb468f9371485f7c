using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace ServiceAuth.Client.Protocol.Internal;

/// <summary>
/// The <see cref="HttpClient.BaseAddress"/> a named client will get, found by applying its <c>ConfigureHttpClient</c>
/// actions to a probe client that never sends. A handler cannot see the client it serves; this lets it bind credentials
/// to the host the application configured.
/// </summary>
internal static class HttpClientBaseAddress
{
    public static Uri? Probe(IServiceProvider provider, string name)
    {
        HttpClientFactoryOptions factory = provider.GetRequiredService<IOptionsMonitor<HttpClientFactoryOptions>>().Get(name);
        using var probe = new HttpClient(new NeverSends());
        foreach (Action<HttpClient> configure in factory.HttpClientActions)
        {
            configure(probe);
        }

        return probe.BaseAddress is { IsAbsoluteUri: true } baseAddress ? baseAddress : null;
    }

    private sealed class NeverSends : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The probe client never sends.");
    }
}
