using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace ServiceAuth.Client.AspNetCore.IdentityTokens.Internal;

/// <summary>
/// Tokens STS confirmed, keyed by their signature, remembered until the token's window ends. An entry also holds a hash
/// of the whole token and answers only for that exact token. Bounded: when full, expired entries are swept, and if it is
/// still full nothing new is remembered (the next use of an unremembered token simply asks STS again).
/// </summary>
internal sealed class VerifiedTokenCache(int capacity, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public int Count => _entries.Count;

    public CallerIdentity? Find(string signature, string token)
    {
        if (!_entries.TryGetValue(signature, out Entry? entry))
        {
            return null;
        }

        if (time.GetUtcNow() >= entry.ExpiresAt)
        {
            _entries.TryRemove(new KeyValuePair<string, Entry>(signature, entry));
            return null;
        }

        return CryptographicOperations.FixedTimeEquals(entry.TokenHash, Hash(token)) ? entry.Identity : null;
    }

    public void Add(string signature, string token, CallerIdentity identity, DateTimeOffset expiresAt)
    {
        if (capacity <= 0)
        {
            return;
        }

        if (_entries.Count >= capacity)
        {
            DateTimeOffset now = time.GetUtcNow();
            foreach (KeyValuePair<string, Entry> stale in _entries.Where(e => now >= e.Value.ExpiresAt))
            {
                _entries.TryRemove(stale);
            }

            if (_entries.Count >= capacity)
            {
                return;
            }
        }

        _entries[signature] = new Entry(Hash(token), identity, expiresAt);
    }

    private static byte[] Hash(string token) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token));

    private sealed record Entry(byte[] TokenHash, CallerIdentity Identity, DateTimeOffset ExpiresAt);
}
