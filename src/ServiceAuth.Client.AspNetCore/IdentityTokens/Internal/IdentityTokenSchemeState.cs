using System.Security.Cryptography;

namespace ServiceAuth.Client.AspNetCore.IdentityTokens.Internal;

/// <summary>What one authentication scheme keeps across requests: its allowed hosts, verified-token cache, STS call
/// slots, verifications in flight, known access-key ids and challenge key. Created from the scheme's options the first time the scheme runs.</summary>
internal sealed class IdentityTokenSchemeState
{
    public const int MaxKnownKeys = 10_000;
    public static readonly TimeSpan KnownKeyLifetime = TimeSpan.FromHours(12);

    public IdentityTokenSchemeState(IamIdentityTokenAuthenticationOptions options, TimeProvider time)
    {
        Options = options;
        Hosts = new AllowedStsHosts(options.Partitions, options.Regions);
        Cache = new VerifiedTokenCache(options.RequireChallenge ? 0 : options.MaxCachedTokens, time);
        Gate = new StsCallGate(options.MaxConcurrentStsCalls, options.MaxConcurrentStsCallsPerAccessKey, options.StsSlotWait, time);
        KnownKeys = new RecentSet(MaxKnownKeys, time);
        Challenges = new ChallengeIssuer(options.ChallengeKey ?? RandomNumberGenerator.GetBytes(32), options.ChallengeLifetime, options.MaxClockSkew, time);
    }

    public IamIdentityTokenAuthenticationOptions Options { get; }

    public AllowedStsHosts Hosts { get; }

    public VerifiedTokenCache Cache { get; }

    /// <summary>Gets the STS call slots.</summary>
    public StsCallGate Gate { get; }

    /// <summary>Gets the verifications in flight, one per distinct token.</summary>
    public StsFlights Flights { get; } = new();

    /// <summary>Gets the access-key ids that verified (STS confirmed, account allowed) in the last
    /// <see cref="KnownKeyLifetime"/>; they may use the reserved half of the call slots.</summary>
    public RecentSet KnownKeys { get; }

    public ChallengeIssuer Challenges { get; }
}
