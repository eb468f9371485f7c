using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Distributed;

namespace ServiceAuth.Client.IntegrationTests.Fleet;

/// <summary>A shared store on fake time for the simulated fleet: entries expire on the <see cref="TimeProvider"/>; while
/// <see cref="Down"/> is set every call fails as a Redis that is down would.</summary>
internal sealed class SimulatedDistributedCache(TimeProvider time) : IDistributedCache
{
    private readonly ConcurrentDictionary<string, (byte[] Value, DateTimeOffset ExpiresAt)> _entries = new(StringComparer.Ordinal);

    public bool Down { get; set; }

    public byte[]? Get(string key)
    {
        ThrowIfDown();
        return _entries.TryGetValue(key, out var entry) && time.GetUtcNow() < entry.ExpiresAt ? entry.Value : null;
    }

    public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => Task.FromResult(Get(key));

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options)
    {
        ThrowIfDown();
        _entries[key] = (value, time.GetUtcNow() + (options.AbsoluteExpirationRelativeToNow ?? TimeSpan.FromDays(1)));
    }

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        Set(key, value, options);
        return Task.CompletedTask;
    }

    public void Refresh(string key) => ThrowIfDown();

    public Task RefreshAsync(string key, CancellationToken token = default) => Task.CompletedTask;

    public void Remove(string key)
    {
        ThrowIfDown();
        _entries.TryRemove(key, out _);
    }

    public Task RemoveAsync(string key, CancellationToken token = default)
    {
        Remove(key);
        return Task.CompletedTask;
    }

    private void ThrowIfDown()
    {
        if (Down)
        {
            throw new InvalidOperationException("The simulated store is down.");
        }
    }
}
