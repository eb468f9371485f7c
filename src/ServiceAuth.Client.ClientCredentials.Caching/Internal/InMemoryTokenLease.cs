namespace ServiceAuth.Client.Caching.Internal;

/// <summary>An <see cref="ISharedTokenLease"/> in one process's memory, on a <see cref="TimeProvider"/>: the lease of a
/// simulated shared store (the fleet simulation shares one instance between its containers).</summary>
internal sealed class InMemoryTokenLease(TimeProvider timeProvider) : ISharedTokenLease
{
    private readonly object _gate = new();
    private readonly Dictionary<string, (long Fence, long ExpiresAt, TaskCompletionSource Released)> _leases = new(StringComparer.Ordinal);
    private long _fence;

    public Task<LeaseAttempt> TryAcquireAsync(string key, TimeSpan ttl)
    {
        lock (_gate)
        {
            long now = timeProvider.GetTimestamp();
            if (_leases.TryGetValue(key, out var held) && now < held.ExpiresAt)
            {
                return Task.FromResult(new LeaseAttempt(0, held.Released.Task, static () => Task.CompletedTask));
            }

            held.Released?.TrySetResult();
            long fence = ++_fence;
            _leases[key] = (fence, now + (long)(ttl.TotalSeconds * timeProvider.TimestampFrequency), new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            return Task.FromResult(new LeaseAttempt(fence, Task.CompletedTask, static () => Task.CompletedTask));
        }
    }

    public Task ReleaseAsync(string key, long fence)
    {
        lock (_gate)
        {
            if (_leases.TryGetValue(key, out var held) && held.Fence == fence)
            {
                _leases.Remove(key);
                held.Released.TrySetResult();
            }
        }

        return Task.CompletedTask;
    }
}
