using System.Security.Cryptography;

namespace ServiceAuth.Client.AspNetCore.IdentityTokens.Internal;

/// <summary>What one authentication scheme keeps across requests: its allowed hosts, verified-token cache, STS call
/// slots and challenge key. Created from the scheme's options the first time the scheme runs.</summary>
internal sealed class IdentityTokenSchemeState
{
    public IdentityTokenSchemeState(IamIdentityTokenAuthenticationOptions options, TimeProvider time)
    {
        Options = options;
        Hosts = new AllowedStsHosts(options.Partitions, options.Regions);
        Cache = new VerifiedTokenCache(options.RequireChallenge ? 0 : options.MaxCachedTokens, time);
        StsCalls = new SemaphoreSlim(options.MaxConcurrentStsCalls, options.MaxConcurrentStsCalls);
        Challenges = new ChallengeIssuer(options.ChallengeKey ?? RandomNumberGenerator.GetBytes(32), options.ChallengeLifetime, options.MaxClockSkew, time);
    }

    public IamIdentityTokenAuthenticationOptions Options { get; }

    public AllowedStsHosts Hosts { get; }

    public VerifiedTokenCache Cache { get; }

    public SemaphoreSlim StsCalls { get; }

    public ChallengeIssuer Challenges { get; }
}
