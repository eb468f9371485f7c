using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServiceAuth.Client.Protocol.Internal;

namespace ServiceAuth.Client.IdentityTokens.Internal;

/// <summary>
/// The hosts an identity-token client may send tokens to: its <see cref="HttpClient.BaseAddress"/>'s host plus
/// <see cref="IamIdentityTokenOptions.AdditionalHosts"/>; <see langword="null"/> (any host) without a BaseAddress.
/// </summary>
internal static class IdentityTokenHosts
{
    public static IReadOnlySet<string>? Resolve(IServiceProvider provider, string name)
    {
        IamIdentityTokenOptions options = provider.GetRequiredService<IOptionsMonitor<IamIdentityTokenOptions>>().Get(name);
        return HttpClientBaseAddress.Probe(provider, name) is { } baseAddress
            ? new HashSet<string>([baseAddress.IdnHost, .. options.AdditionalHosts], StringComparer.OrdinalIgnoreCase)
            : null;
    }
}
