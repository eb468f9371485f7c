using System.Security.Cryptography;
using System.Text;
using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Signing.Internal;

/// <summary>
/// Derived SigV4a keys, one per access key (checked against a fingerprint of its secret, so a rotated or wrong secret
/// is never signed with a stale key), least recently used first out. A key leaves the cache when newer access keys push
/// it out or when it has not been used for <see cref="IdleLifetime"/>; it is then zeroed and its instances disposed.
/// </summary>
internal sealed class SigV4aKeyCache(int capacity, TimeProvider timeProvider)
{
    public static readonly TimeSpan IdleLifetime = TimeSpan.FromHours(1);

    // Most recently used last; a handful of entries, so a list under a lock beats anything cleverer.
    private readonly List<Entry> _entries = new(capacity);

    public SigV4aKeyCache()
        : this(SigV4Defaults.SigV4aKeyCacheSize, TimeProvider.System)
    {
    }

    public int Count
    {
        get
        {
            lock (_entries)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Signs <paramref name="digest"/> with the key of these credentials; returns the DER signature's length.</summary>
    public int SignHash(string accessKeyId, string secretAccessKey, ReadOnlySpan<byte> digest, Span<byte> destination)
    {
        while (true)
        {
            int written = Get(accessKeyId, secretAccessKey).SignHash(digest, destination);
            if (written >= 0)
            {
                return written;
            }
        }
    }

    /// <summary>Gets the key of these credentials, deriving it on a miss.</summary>
    public SigV4aKey Get(string accessKeyId, string secretAccessKey)
    {
        Span<byte> fingerprint = stackalloc byte[32];
        Fingerprint(secretAccessKey, fingerprint);
        long now = timeProvider.GetTimestamp();
        lock (_entries)
        {
            RetireIdle(now);
            for (int i = _entries.Count - 1; i >= 0; i--)
            {
                Entry entry = _entries[i];
                if (entry.Matches(accessKeyId, fingerprint))
                {
                    entry.LastUsed = now;
                    _entries.RemoveAt(i);
                    _entries.Add(entry);
                    return entry.Key;
                }
            }
        }

        // Derived outside the lock: it costs a few HMACs and an EC import.
        var key = new SigV4aKey(accessKeyId, secretAccessKey);
        lock (_entries)
        {
            if (_entries.Count >= capacity)
            {
                _entries[0].Key.Retire();
                _entries.RemoveAt(0);
            }

            _entries.Add(new Entry(accessKeyId, fingerprint.ToArray(), key, now));
        }

        return key;
    }

    private void RetireIdle(long now)
    {
        while (_entries.Count > 0 && timeProvider.GetElapsedTime(_entries[0].LastUsed, now) > IdleLifetime)
        {
            _entries[0].Key.Retire();
            _entries.RemoveAt(0);
        }
    }

    private static void Fingerprint(string secretAccessKey, Span<byte> destination)
    {
        int length = Encoding.UTF8.GetByteCount(secretAccessKey);
        Span<byte> secret = length <= 256 ? stackalloc byte[length] : new byte[length];
        Encoding.UTF8.GetBytes(secretAccessKey, secret);
        SHA256.HashData(secret, destination);
        CryptographicOperations.ZeroMemory(secret);
    }

    private sealed class Entry(string accessKeyId, byte[] secretFingerprint, SigV4aKey key, long lastUsed)
    {
        public SigV4aKey Key { get; } = key;

        public long LastUsed { get; set; } = lastUsed;

        public bool Matches(string id, ReadOnlySpan<byte> fingerprint) =>
            string.Equals(accessKeyId, id, StringComparison.Ordinal) &&
            CryptographicOperations.FixedTimeEquals(secretFingerprint, fingerprint);
    }
}
