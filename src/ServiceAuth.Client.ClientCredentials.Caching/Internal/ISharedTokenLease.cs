namespace ServiceAuth.Client.Caching.Internal;

/// <summary>
/// A fleet-wide lease on fetching one shared token: set-if-absent with an expiry and a fencing token, so one process asks
/// the identity provider while the others wait for its shared value. Redis (<see cref="RedisTokenLease"/>) in production,
/// <see cref="InMemoryTokenLease"/> for a simulated store.
/// </summary>
internal interface ISharedTokenLease
{
    /// <summary>Takes the lease on <paramref name="key"/> for <paramref name="ttl"/>, or, if another process holds it, returns
    /// an attempt whose <see cref="LeaseAttempt.Released"/> completes when the holder releases it. The watch starts before
    /// the set, so a release between the two is not missed.</summary>
    Task<LeaseAttempt> TryAcquireAsync(string key, TimeSpan ttl);

    /// <summary>Releases the lease if <paramref name="fence"/> still holds it (a holder whose lease expired and was taken
    /// over releases nothing) and wakes the waiters.</summary>
    Task ReleaseAsync(string key, long fence);
}
