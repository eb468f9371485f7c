using ServiceAuth.Client.Protocol.Internal;

namespace ServiceAuth.Client.Credentials.Internal;

/// <summary>
/// The 2026 cross-SDK refresh windows of assume-role credentials, as the <see cref="RefreshPolicy"/> of their cache: an
/// advisory window of 5, 15 or 60 minutes chosen from the credentials' lifetime (up to 20 minutes, under 90 minutes, 90
/// minutes or more) whose start each cache moves later by a random offset of up to half the time to the
/// mandatory window, at most 5 minutes (5 minutes for 1-hour credentials: a fleet started together spreads its AssumeRole calls), a mandatory window of 1 minute, at least 30 seconds between background refreshes, a 5–10 minute
/// backoff between failed refreshes while the credentials are valid, a 1–5 second error cache when they are not, and at
/// most one refresh forced by a target's rejection per 15 seconds.
/// </summary>
internal static class RefreshWindows
{
    public static readonly TimeSpan Mandatory = TimeSpan.FromMinutes(1);

    public static readonly RefreshPolicy Policy = new()
    {
        Advisory = Advisory,
        MaxMandatory = Mandatory,
        MinLifetime = Mandatory,
        MinBackgroundInterval = TimeSpan.FromSeconds(30),
        FirstBackoff = TimeSpan.FromMinutes(10),
        MaxBackoff = TimeSpan.FromMinutes(10),
        RefreshSpread = 0.5,
        InvalidationInterval = TimeSpan.FromSeconds(15),
    };

    public static TimeSpan Advisory(TimeSpan lifetime) =>
        lifetime <= TimeSpan.FromMinutes(20) ? TimeSpan.FromMinutes(5)
        : lifetime < TimeSpan.FromMinutes(90) ? TimeSpan.FromMinutes(15)
        : TimeSpan.FromMinutes(60);
}
