namespace ServiceAuth.Client.Protocol.Internal;

/// <summary>
/// An immutable view of one <see cref="RefreshAheadValue{T}"/>, swapped as a whole: the value and its completed task
/// (handed to every caller on a warm cache, so a hit allocates nothing), its expiry and windows (wall times, as the source
/// gave the expiry), and the durations after failures as <see cref="TimeProvider.GetTimestamp"/> deadlines, so a wall
/// clock stepped back does not stretch them.
/// </summary>
internal sealed class RefreshSnapshot<T>
    where T : class
{
    public static readonly RefreshSnapshot<T> Empty = new(null, DateTimeOffset.MinValue, DateTimeOffset.MinValue, DateTimeOffset.MinValue, long.MinValue, 0, null);

    private RefreshSnapshot(T? value, DateTimeOffset expiresAt, DateTimeOffset refreshAt, DateTimeOffset mandatoryAt, long nextAttemptAt, int failures, Exception? error)
    {
        Value = value;
        Task = value is null ? null : System.Threading.Tasks.Task.FromResult(value);
        ExpiresAt = expiresAt;
        RefreshAt = refreshAt;
        MandatoryAt = mandatoryAt;
        NextAttemptAt = nextAttemptAt;
        Failures = failures;
        Error = error;
    }

    public T? Value { get; }

    public Task<T>? Task { get; }

    public DateTimeOffset ExpiresAt { get; }

    /// <summary>The start of the advisory window: from here one background refresh runs.</summary>
    public DateTimeOffset RefreshAt { get; }

    /// <summary>The start of the mandatory window: from here callers wait for a refresh.</summary>
    public DateTimeOffset MandatoryAt { get; }

    /// <summary>No refresh starts before this timestamp (after a refresh, a backoff, or the error cache).</summary>
    public long NextAttemptAt { get; }

    /// <summary>The refreshes that failed in a row.</summary>
    public int Failures { get; }

    /// <summary>The failure thrown fast until <see cref="NextAttemptAt"/> when no value is valid.</summary>
    public Exception? Error { get; }

    public static RefreshSnapshot<T> Fresh(Expiring<T> fresh, DateTimeOffset now, RefreshPolicy policy, long nextAttemptAt, double jitter = 0) =>
        new(fresh.Value, fresh.ExpiresAt, policy.RefreshAt(now, fresh.ExpiresAt, jitter), policy.MandatoryAt(now, fresh.ExpiresAt), nextAttemptAt, 0, null);

    public bool IsValid(DateTimeOffset now) => Value is not null && now < ExpiresAt;

    public RefreshSnapshot<T> WithBackoff(long nextAttemptAt) =>
        new(Value, ExpiresAt, RefreshAt, MandatoryAt, nextAttemptAt, Failures + 1, null);

    public RefreshSnapshot<T> WithError(Exception error, long until) =>
        new(null, DateTimeOffset.MinValue, DateTimeOffset.MinValue, DateTimeOffset.MinValue, until, Failures + 1, error);
}
