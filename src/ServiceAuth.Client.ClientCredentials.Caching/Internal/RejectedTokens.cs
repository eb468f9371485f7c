using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using ServiceAuth.Client.ClientCredentials.Internal;

namespace ServiceAuth.Client.Caching.Internal;

/// <summary>The tokens a target refused in this process (as SHA-256 hashes, until they expire): never taken from the
/// shared cache again. Bounded by the token cache's invalidation limit (one per entry per 30 seconds) and by expiry.</summary>
internal sealed class RejectedTokens(TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _hashes = new(StringComparer.Ordinal);

    public void Add(AccessToken token)
    {
        DateTimeOffset now = timeProvider.GetUtcNow();
        foreach (KeyValuePair<string, DateTimeOffset> expired in _hashes.Where(e => e.Value <= now))
        {
            _hashes.TryRemove(expired);
        }

        _hashes[Hash(token)] = token.ExpiresAt;
    }

    public bool Contains(AccessToken token) => !_hashes.IsEmpty && _hashes.ContainsKey(Hash(token));

    private static string Hash(AccessToken token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token.Value)));
}
