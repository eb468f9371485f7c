namespace ServiceAuth.Client.Protocol.Internal;

/// <summary>What one use of <see cref="RefreshAheadValue{T}"/> says about its value: its own logs, metrics and
/// exceptions (the engine's state machine is shared, the vocabulary is not).</summary>
internal interface IRefreshAheadEvents<T>
    where T : class
{
    /// <summary>A lookup was answered from the cache (the warm path: must not allocate).</summary>
    void CacheHit();

    void RefreshStarted(bool background);

    void Refreshed(Expiring<T> fresh, DateTimeOffset refreshAt);

    /// <summary>The exception for a fresh value that expires within the policy's minimum lifetime.</summary>
    Exception TooShortLived(DateTimeOffset expiresAt, TimeSpan minLifetime);

    /// <summary>The exception callers get for a failed refresh (the failure itself when it already is one).</summary>
    Exception ToError(Exception failure);

    void FailedServingCached(Exception error, DateTimeOffset expiresAt, DateTimeOffset nextAttemptAt);

    void FailedWithoutValue(Exception error, DateTimeOffset retryAt);

    void Invalidated();

    void InvalidationRateLimited(DateTimeOffset nextAllowedAt, TimeSpan interval);
}
