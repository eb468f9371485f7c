using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServiceAuth.Client.AspNetCore.IdentityTokens;
using ServiceAuth.Client.AspNetCore.IdentityTokens.Internal;
using ServiceAuth.Client.AspNetCore.Tests.Support;

namespace ServiceAuth.Client.AspNetCore.Tests.IdentityTokens.Adversarial;

/// <summary>Reaches the verifier's per-scheme state (slots, waiters) of service B's IAM identity-token scheme.</summary>
internal static class SchemeStateOf
{
    public static IdentityTokenSchemeState State(ServiceB b, TimeProvider time)
    {
        IamIdentityTokenAuthenticationOptions options = b.Services.GetRequiredService<IOptionsMonitor<IamIdentityTokenAuthenticationOptions>>().Get(IamIdentityTokenDefaults.AuthenticationScheme);
        return b.Services.GetRequiredService<IdentityTokenSchemeStates>().Get(IamIdentityTokenDefaults.AuthenticationScheme, options, time);
    }
}
