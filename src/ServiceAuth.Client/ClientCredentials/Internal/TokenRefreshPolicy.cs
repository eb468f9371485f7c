using ServiceAuth.Client.Protocol.Internal;

namespace ServiceAuth.Client.ClientCredentials.Internal;

/// <summary>
/// When a cached access token is refreshed, from its lifetime: in the background from a quarter of the lifetime before
/// expiry (at most 15 minutes: a Cognito token of 60 minutes refreshes at minute 45); callers wait only in the last
/// tenth of the lifetime (at most 1 minute). A failed background refresh is retried with jittered exponential backoff
/// (5 s doubling to 5 minutes, each delay drawn from [half, all] of it) while the token stays valid; without a valid
/// token the failure is thrown fast for 1–5 seconds. A token may be dropped on a target's <c>invalid_token</c> at most
/// once per 30 seconds, so a misconfigured target cannot turn every request into a billed token request.
/// </summary>
internal static class TokenRefreshPolicy
{
    public static readonly TimeSpan MaxAdvisory = TimeSpan.FromMinutes(15);

    public static readonly TimeSpan MaxMandatory = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(5);

    public static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan MinErrorCache = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan MaxErrorCache = TimeSpan.FromSeconds(5);

    public static readonly TimeSpan MinInvalidationInterval = TimeSpan.FromSeconds(30);

    /// <summary>The shortest lifetime accepted from a token endpoint.</summary>
    public static readonly TimeSpan MinLifetime = TimeSpan.FromSeconds(10);

    public static TimeSpan Advisory(TimeSpan lifetime) => Min(lifetime / 4, MaxAdvisory);

    public static TimeSpan Mandatory(TimeSpan lifetime) => Min(lifetime / 10, MaxMandatory);

    /// <summary>The delay after the <paramref name="failures"/>-th consecutive failed refresh (1 or more).</summary>
    public static TimeSpan Backoff(int failures, IRandomizer random)
    {
        TimeSpan ceiling = Min(FirstBackoff * Math.Pow(2, Math.Min(failures - 1, 16)), MaxBackoff);
        return Between(random, ceiling / 2, ceiling);
    }

    public static TimeSpan ErrorCache(IRandomizer random) => Between(random, MinErrorCache, MaxErrorCache);

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static TimeSpan Between(IRandomizer random, TimeSpan min, TimeSpan max) =>
        min + TimeSpan.FromTicks((long)(random.NextDouble() * (max - min).Ticks));
}
