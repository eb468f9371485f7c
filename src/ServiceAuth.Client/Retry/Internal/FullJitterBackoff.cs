namespace ServiceAuth.Client.Retry.Internal;

/// <summary>Exponential backoff with full jitter, as in the AWS SDKs' standard retry mode:
/// <c>random(0, 1) × min(maxDelay, baseDelay × 2^attempt)</c>.</summary>
internal static class FullJitterBackoff
{
    /// <summary>The delay before retry number <paramref name="attempt"/> + 1 (attempt 0 is the first retry).</summary>
    public static TimeSpan Delay(int attempt, TimeSpan baseDelay, TimeSpan maxDelay, Random random)
    {
        double ceiling = Math.Min(maxDelay.TotalMilliseconds, baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 30)));
        return TimeSpan.FromMilliseconds(random.NextDouble() * ceiling);
    }

    /// <summary>The ceiling of <see cref="Delay"/> for an attempt: what the jitter is drawn under.</summary>
    public static TimeSpan Ceiling(int attempt, TimeSpan baseDelay, TimeSpan maxDelay) =>
        TimeSpan.FromMilliseconds(Math.Min(maxDelay.TotalMilliseconds, baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 30))));
}
