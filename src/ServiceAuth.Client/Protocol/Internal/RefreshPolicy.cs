namespace ServiceAuth.Client.Protocol.Internal;

/// <summary>
/// The windows of one use of <see cref="RefreshAheadValue{T}"/>, as data: one instance per use (assume-role credentials,
/// client-credentials tokens). From a fresh value's remaining lifetime: the advisory window (one background refresh while
/// callers keep the value; never more than half the remaining lifetime), the mandatory window (callers wait for the
/// refresh), the shortest lifetime accepted. After a failed refresh: a jittered exponential backoff while the value is
/// valid, a short error cache when it is not. At most one invalidation per <see cref="InvalidationInterval"/>.
/// </summary>
internal sealed class RefreshPolicy
{
    /// <summary>Gets the advisory window for a remaining lifetime.</summary>
    public required Func<TimeSpan, TimeSpan> Advisory { get; init; }

    /// <summary>Gets the mandatory window's share of the remaining lifetime, capped by <see cref="MaxMandatory"/>.</summary>
    public double MandatoryFraction { get; init; } = 1;

    public required TimeSpan MaxMandatory { get; init; }

    /// <summary>Gets the lifetime a fresh value must exceed; shorter ones are refused (a clock or configuration error).</summary>
    public required TimeSpan MinLifetime { get; init; }

    /// <summary>Gets the shortest time between a refresh and the next background refresh.</summary>
    public TimeSpan MinBackgroundInterval { get; init; }

    /// <summary>Gets the backoff ceiling after the first failure; it doubles per failure up to <see cref="MaxBackoff"/>, and
    /// each delay is drawn from [half, all] of the ceiling.</summary>
    public required TimeSpan FirstBackoff { get; init; }

    public required TimeSpan MaxBackoff { get; init; }

    public TimeSpan MinErrorCache { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxErrorCache { get; init; } = TimeSpan.FromSeconds(5);

    public required TimeSpan InvalidationInterval { get; init; }

    public DateTimeOffset RefreshAt(DateTimeOffset now, DateTimeOffset expiresAt)
    {
        TimeSpan remaining = expiresAt - now;
        return remaining <= TimeSpan.Zero ? now : expiresAt - Min(Advisory(remaining), remaining / 2);
    }

    /// <summary>Gets the share of the time between the advisory and mandatory windows over which instances spread their
    /// background refreshes: each instance draws one offset in [0, this share), so a fleet started together does not
    /// refresh in the same second. Zero (the default) refreshes at the start of the advisory window.</summary>
    public double RefreshSpread { get; init; }

    /// <summary>Gets the longest spread, whatever the lifetime (so a long advisory window still refreshes early in it).</summary>
    public TimeSpan MaxRefreshSpread { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The start of the advisory window moved later by this instance's <paramref name="jitter"/> (in [0, 1)) of
    /// <see cref="RefreshSpread"/>; never past the mandatory window.</summary>
    public DateTimeOffset RefreshAt(DateTimeOffset now, DateTimeOffset expiresAt, double jitter)
    {
        DateTimeOffset at = RefreshAt(now, expiresAt);
        DateTimeOffset mandatory = MandatoryAt(now, expiresAt);
        return mandatory <= at ? at : at + (Min((mandatory - at) * RefreshSpread, MaxRefreshSpread) * jitter);
    }

    public DateTimeOffset MandatoryAt(DateTimeOffset now, DateTimeOffset expiresAt) =>
        expiresAt - Min((expiresAt - now) * MandatoryFraction, MaxMandatory);

    /// <summary>The delay after the <paramref name="failures"/>-th consecutive failed refresh (1 or more).</summary>
    public TimeSpan Backoff(int failures, IRandomizer random)
    {
        TimeSpan ceiling = Min(FirstBackoff * Math.Pow(2, Math.Clamp(failures - 1, 0, 16)), MaxBackoff);
        return Between(random, ceiling / 2, ceiling);
    }

    public TimeSpan ErrorCache(IRandomizer random) => Between(random, MinErrorCache, MaxErrorCache);

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static TimeSpan Between(IRandomizer random, TimeSpan min, TimeSpan max) =>
        min + TimeSpan.FromTicks((long)(random.NextDouble() * (max - min).Ticks));
}
