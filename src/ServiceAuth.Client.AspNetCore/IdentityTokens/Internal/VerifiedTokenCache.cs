using System.Collections.Concurrent;

namespace ServiceAuth.Client.AspNetCore.IdentityTokens.Internal;

/// <summary>
/// Tokens STS confirmed, keyed by the hash of the whole token (<see cref="TokenHash"/>), so a lookup needs nothing but
/// the raw header value hashed once and answers only for the exact token; remembered until the token's window ends.
/// Bounded: when full, expired entries are swept, and if it is still full nothing new is remembered (the next use of an
/// unremembered token simply asks STS again).
/// </summary>
internal sealed class VerifiedTokenCache(int capacity, TimeProvider time)
{
    private readonly ConcurrentDictionary<TokenHash, VerifiedToken> _entries = new();

    public int Count => _entries.Count;

    /// <summary>The entry for exactly <paramref name="token"/> while its window lasts, or <see langword="null"/>.</summary>
    public VerifiedToken? Find(ReadOnlySpan<char> token)
    {
        if (TokenHash.Of(token) is not { } key || !_entries.TryGetValue(key, out VerifiedToken? entry))
        {
            return null;
        }

        if (time.GetUtcNow() >= entry.ExpiresAt)
        {
            _entries.TryRemove(new KeyValuePair<TokenHash, VerifiedToken>(key, entry));
            return null;
        }

        return entry;
    }

    public void Add(ReadOnlySpan<char> token, VerifiedToken entry)
    {
        if (capacity <= 0 || TokenHash.Of(token) is not { } key)
        {
            return;
        }

        if (_entries.Count >= capacity)
        {
            DateTimeOffset now = time.GetUtcNow();
            foreach (KeyValuePair<TokenHash, VerifiedToken> stale in _entries)
            {
                if (now >= stale.Value.ExpiresAt)
                {
                    _entries.TryRemove(stale);
                }
            }

            if (_entries.Count >= capacity)
            {
                return;
            }
        }

        _entries[key] = entry;
    }
}
