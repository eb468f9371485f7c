using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace ServiceAuth.Client.IdentityTokens.Internal;

/// <summary>
/// The hosts an identity-token client may send tokens to: its <see cref="HttpClient.BaseAddress"/>'s host (found by
/// applying the client's <c>ConfigureHttpClient</c> actions to a probe client) plus
/// <see cref="IamIdentityTokenOptions.AdditionalHosts"/>; <see langword="null"/> (any host) without a BaseAddress.
/// </summary>
internal static class IdentityTokenHosts
{
    public static IReadOnlySet<string>? Resolve(IServiceProvider provider, string name)
    {
        HttpClientFactoryOptions factory = provider.GetRequiredService<IOptionsMonitor<HttpClientFactoryOptions>>().Get(name);
        IamIdentityTokenOptions options = provider.GetRequiredService<IOptionsMonitor<IamIdentityTokenOptions>>().Get(name);
        using var probe = new HttpClient(new NeverSends());
        foreach (Action<HttpClient> configure in factory.HttpClientActions)
        {
            configure(probe);
        }

        return probe.BaseAddress is { IsAbsoluteUri: true } baseAddress
            ? new HashSet<string>([baseAddress.IdnHost, .. options.AdditionalHosts], StringComparer.OrdinalIgnoreCase)
            : null;
    }

    private sealed class NeverSends : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The probe client never sends.");
    }
}
