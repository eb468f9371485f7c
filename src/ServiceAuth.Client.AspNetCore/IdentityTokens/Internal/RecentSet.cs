namespace ServiceAuth.Client.AspNetCore.IdentityTokens.Internal;

/// <summary>
/// A bounded set of keys, each kept until its own expiry, in the order they were added. Every call first drops expired
/// keys from the oldest end (amortized O(1): each key is dropped once); a full set drops its oldest key to make room, so
/// adding never fails for lack of space. One lock; callers are off the cached path.
/// </summary>
internal sealed class RecentSet(int capacity, TimeProvider time)
{
    private readonly Dictionary<string, LinkedListNode<(string Key, DateTimeOffset ExpiresAt)>> _index = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, DateTimeOffset ExpiresAt)> _order = new();

    public int Count
    {
        get
        {
            lock (_order)
            {
                return _index.Count;
            }
        }
    }

    public bool Contains(string key)
    {
        lock (_order)
        {
            DateTimeOffset now = Trim();
            return _index.TryGetValue(key, out var node) && node.Value.ExpiresAt > now;
        }
    }

    /// <summary>Adds <paramref name="key"/> unless it is there (unexpired); <see langword="false"/> when it was.</summary>
    public bool TryAdd(string key, DateTimeOffset expiresAt) => Put(key, expiresAt, renew: false);

    /// <summary>Adds <paramref name="key"/>, or renews it as the newest with the new expiry.</summary>
    public void Set(string key, DateTimeOffset expiresAt) => Put(key, expiresAt, renew: true);

    private bool Put(string key, DateTimeOffset expiresAt, bool renew)
    {
        lock (_order)
        {
            DateTimeOffset now = Trim();
            if (_index.TryGetValue(key, out var existing))
            {
                if (!renew && existing.Value.ExpiresAt > now)
                {
                    return false;
                }

                Remove(existing);
            }

            while (_index.Count >= capacity && _order.First is { } oldest)
            {
                Remove(oldest);
            }

            _index[key] = _order.AddLast((key, expiresAt));
            return true;
        }
    }

    private DateTimeOffset Trim()
    {
        DateTimeOffset now = time.GetUtcNow();
        while (_order.First is { } oldest && oldest.Value.ExpiresAt <= now)
        {
            Remove(oldest);
        }

        return now;
    }

    private void Remove(LinkedListNode<(string Key, DateTimeOffset ExpiresAt)> node)
    {
        _order.Remove(node);
        _index.Remove(node.Value.Key);
    }
}
