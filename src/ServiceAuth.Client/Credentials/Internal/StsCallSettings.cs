using ServiceAuth.Client.Protocol.Internal;

namespace ServiceAuth.Client.Credentials.Internal;

/// <summary>How one credential refresh calls STS: attempts, backoff and timeouts (the STS client's own retries are off).</summary>
internal sealed class StsCallSettings
{
    public static StsCallSettings Default { get; } = new();

    /// <summary>Attempts per refresh, the first included (the AWS standard mode's 3).</summary>
    public int MaxAttempts { get; init; } = RetryDelays.DefaultMaxAttempts;

    /// <summary>Base of the backoff after throttling (2026 retry update: 1 s).</summary>
    public TimeSpan ThrottlingBaseDelay { get; init; } = RetryDelays.Default.ThrottlingBaseDelay;

    /// <summary>Base of the backoff after a transient error (2026 retry update: 50 ms).</summary>
    public TimeSpan TransientBaseDelay { get; init; } = RetryDelays.Default.TransientBaseDelay;

    public TimeSpan MaxDelay { get; init; } = RetryDelays.Default.MaxDelay;

    /// <summary>Timeout of one STS attempt.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Timeout of the whole refresh, retries included: a blocked caller never waits longer.</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The most entries the assume-role cache keeps; beyond it the least recently used are evicted.</summary>
    public int MaxCacheEntries { get; init; } = 1000;

    /// <summary>An entry not used for this long is evicted (and its STS client disposed) on the next new entry.</summary>
    public TimeSpan CacheIdleTimeout { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The jitter of the backoff and of the refresh windows.</summary>
    public IRandomizer Randomizer { get; init; } = SystemRandomizer.Shared;
}
