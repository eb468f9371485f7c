using ServiceAuth.Client.Protocol.Internal;

namespace ServiceAuth.Client.Credentials.Internal;

/// <summary>
/// The 2026 cross-SDK refresh windows: an advisory window of 5, 15 or 60 minutes chosen from the credentials' lifetime
/// (up to 20 minutes, under 90 minutes, 90 minutes or more), a mandatory window of 1 minute, a 5–10 minute backoff between
/// failed refreshes while the credentials are valid, and a 1–5 second error cache when they are not.
/// </summary>
internal static class RefreshWindows
{
    public static readonly TimeSpan Mandatory = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan MinBackoff = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(10);

    public static readonly TimeSpan MinErrorCache = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan MaxErrorCache = TimeSpan.FromSeconds(5);

    /// <summary>At most one refresh forced by a target's rejection per cache entry in this interval.</summary>
    public static readonly TimeSpan ForcedRefreshInterval = TimeSpan.FromSeconds(15);

    public static TimeSpan Advisory(TimeSpan lifetime) =>
        lifetime <= TimeSpan.FromMinutes(20) ? TimeSpan.FromMinutes(5)
        : lifetime < TimeSpan.FromMinutes(90) ? TimeSpan.FromMinutes(15)
        : TimeSpan.FromMinutes(60);

    /// <summary>At least this long between two background refreshes of one entry.</summary>
    public static readonly TimeSpan MinBackgroundInterval = TimeSpan.FromSeconds(30);

    /// <summary>When the advisory window of credentials obtained at <paramref name="now"/> starts: never before half of
    /// the remaining lifetime has passed, so credentials with less than the advisory window left (a fast local clock,
    /// short test lifetimes) are not refreshed on every lookup.</summary>
    public static DateTimeOffset RefreshAt(DateTimeOffset now, DateTimeOffset expiration)
    {
        TimeSpan remaining = expiration - now;
        if (remaining <= TimeSpan.Zero)
        {
            return now;
        }

        TimeSpan advisory = Advisory(remaining);
        return expiration - (advisory > remaining / 2 ? remaining / 2 : advisory);
    }

    public static TimeSpan Backoff(IRandomizer random) => Between(random, MinBackoff, MaxBackoff);

    public static TimeSpan ErrorCache(IRandomizer random) => Between(random, MinErrorCache, MaxErrorCache);

    private static TimeSpan Between(IRandomizer random, TimeSpan min, TimeSpan max) =>
        min + TimeSpan.FromTicks((long)(random.NextDouble() * (max - min).Ticks));

    /// <summary>The <see cref="TimeProvider.GetTimestamp"/> <paramref name="delay"/> from now: windows that are durations
    /// are measured with timestamps, never with the wall clock.</summary>
    public static long Deadline(TimeProvider timeProvider, TimeSpan delay) =>
        timeProvider.GetTimestamp() + (long)(delay.TotalSeconds * timeProvider.TimestampFrequency);
}
