using ServiceAuth.Client.Protocol.Internal;

namespace ServiceAuth.Client.ClientCredentials.Internal;

/// <summary>
/// When a cached access token is refreshed, as the <see cref="RefreshPolicy"/> of the token cache: in the background from
/// a quarter of the lifetime before expiry (at most 15 minutes: a Cognito token of 60 minutes refreshes at minute 45),
/// moved later by a per-cache random offset of up to half the time to the mandatory window, at most 5 minutes (minute 45 to
/// 50), so a fleet started together spreads its refreshes over 5 minutes;
/// callers wait only in the last tenth of the lifetime (at most 1 minute). A failed refresh is retried with jittered
/// exponential backoff (5 s doubling to 5 minutes, each delay drawn from [half, all] of it) while the token is valid;
/// without a valid token the failure is thrown fast for 1–5 seconds. A token may be dropped on a target's
/// <c>invalid_token</c> at most once per 30 seconds, so a misconfigured target cannot turn every request into a billed
/// token request. A token must be valid for more than 10 seconds.
/// </summary>
internal static class TokenRefreshPolicy
{
    public static readonly RefreshPolicy Policy = new()
    {
        Advisory = static lifetime => lifetime / 4 < TimeSpan.FromMinutes(15) ? lifetime / 4 : TimeSpan.FromMinutes(15),
        MandatoryFraction = 0.1,
        MaxMandatory = TimeSpan.FromMinutes(1),
        MinLifetime = TimeSpan.FromSeconds(10),
        FirstBackoff = TimeSpan.FromSeconds(5),
        MaxBackoff = TimeSpan.FromMinutes(5),
        RefreshSpread = 0.5,
        InvalidationInterval = TimeSpan.FromSeconds(30),
    };
}
