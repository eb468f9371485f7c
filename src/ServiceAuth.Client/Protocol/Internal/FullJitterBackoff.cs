namespace ServiceAuth.Client.Protocol.Internal;

/// <summary>
/// Exponential backoff with full jitter, as in the AWS SDKs' standard retry mode:
/// <c>random(0, 1) × min(maxDelay, baseDelay × 2^attempt)</c>, on an injected clock and randomizer. The one backoff of
/// the library: the AWS retry handler, the STS calls and the SNS batch rounds all wait through it.
/// </summary>
internal sealed class FullJitterBackoff(TimeProvider timeProvider, IRandomizer randomizer)
{
    /// <summary>The clock the waits (and Polly pipelines built beside this backoff) run on.</summary>
    public TimeProvider TimeProvider => timeProvider;

    /// <summary>The delay before retry number <paramref name="attempt"/> + 1 (attempt 0 is the first retry).</summary>
    public TimeSpan Delay(int attempt, TimeSpan baseDelay, TimeSpan maxDelay) =>
        TimeSpan.FromMilliseconds(randomizer.NextDouble() * CeilingMilliseconds(attempt, baseDelay, maxDelay));

    /// <summary>The delay before retry number <paramref name="attempt"/> + 1 after an error of the given kind.</summary>
    public TimeSpan Delay(AwsErrorKind kind, int attempt, RetryDelays delays) => Delay(attempt, delays.BaseDelay(kind), delays.MaxDelay);

    /// <summary>Waits <paramref name="delay"/> on <see cref="TimeProvider"/>.</summary>
    public Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken) => Task.Delay(delay, timeProvider, cancellationToken);

    /// <summary>The ceiling of <see cref="Delay(int, TimeSpan, TimeSpan)"/> for an attempt: what the jitter is drawn under.</summary>
    public static TimeSpan Ceiling(int attempt, TimeSpan baseDelay, TimeSpan maxDelay) =>
        TimeSpan.FromMilliseconds(CeilingMilliseconds(attempt, baseDelay, maxDelay));

    private static double CeilingMilliseconds(int attempt, TimeSpan baseDelay, TimeSpan maxDelay) =>
        Math.Min(maxDelay.TotalMilliseconds, baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 30)));
}
