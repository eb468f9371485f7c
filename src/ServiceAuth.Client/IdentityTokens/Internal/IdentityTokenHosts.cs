using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServiceAuth.Client.Protocol.Internal;
using ServiceAuth.Client.Signing.Internal;
using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.IdentityTokens.Internal;

/// <summary>
/// The hosts an identity-token client may send tokens to: its <see cref="HttpClient.BaseAddress"/>'s host plus
/// <see cref="IamIdentityTokenOptions.AdditionalHosts"/>, bound when the handler is built (the signing handler's rule,
/// <see cref="SigningSettings.BoundHosts"/>); empty when none was bound, and then no host gets a token.
/// </summary>
internal static class IdentityTokenHosts
{
    public static IReadOnlySet<string> Resolve(IServiceProvider provider, string name)
    {
        IamIdentityTokenOptions options = provider.GetRequiredService<IOptionsMonitor<IamIdentityTokenOptions>>().Get(name);
        return SigningSettings.BoundHosts(HttpClientBaseAddress.Probe(provider, name), options.AdditionalHosts);
    }
}
