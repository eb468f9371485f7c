using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Signing.Internal;

/// <summary>
/// Derived signing keys, cached per (secret key, date, region, service) and bounded: the last key used is checked first
/// without hashing or locking, then a dictionary that is cleared when it reaches its bound.
/// </summary>
internal sealed class SigningKeyCache(int capacity)
{
    private readonly ConcurrentDictionary<Scope, SigningKey> _keys = new();
    private volatile Entry? _last;

    public int Count => _keys.Count;

    public byte[] GetKey(string secretKey, ReadOnlySpan<char> date, string region, string service) =>
        GetSigningKey(secretKey, date, region, service).Key;

    /// <summary>Gets the key with its reusable HMAC instances.</summary>
    public SigningKey GetSigningKey(string secretKey, ReadOnlySpan<char> date, string region, string service)
    {
        Entry? last = _last;
        if (last is not null && !last.Key.IsRetired && last.Matches(secretKey, date, region, service))
        {
            return last.Key;
        }

        var scope = new Scope(secretKey, new string(date), region, service);
        if (!_keys.TryGetValue(scope, out SigningKey? key))
        {
            if (_keys.Count >= capacity)
            {
                _last = null;
                foreach (SigningKey evicted in _keys.Values)
                {
                    evicted.Retire();
                }

                _keys.Clear();
            }

            key = new SigningKey(Derive(secretKey, date, region, service), $"{scope.Date}/{region}/{service}/{SigV4Constants.Terminator}");
            _keys[scope] = key;
        }

        _last = new Entry(scope, key);
        return key;
    }

    internal static byte[] Derive(string secretKey, ReadOnlySpan<char> date, string region, string service)
    {
        int secretLength = Encoding.UTF8.GetByteCount(secretKey) + 4;
        Span<byte> secret = secretLength <= 256 ? stackalloc byte[secretLength] : new byte[secretLength];
        "AWS4"u8.CopyTo(secret);
        Encoding.UTF8.GetBytes(secretKey, secret[4..]);

        Span<byte> key = stackalloc byte[32];
        Span<byte> text = stackalloc byte[256];
        HMACSHA256.HashData(secret, text[..Encoding.UTF8.GetBytes(date, text)], key);
        CryptographicOperations.ZeroMemory(secret);
        HMACSHA256.HashData(key, text[..Encoding.UTF8.GetBytes(region, text)], key);
        HMACSHA256.HashData(key, text[..Encoding.UTF8.GetBytes(service, text)], key);
        HMACSHA256.HashData(key, SigV4Constants.TerminatorUtf8, key);
        return key.ToArray();
    }

    private readonly record struct Scope(string SecretKey, string Date, string Region, string Service)
    {
        // The secret is a secret: keep it out of any generated text.
        public override string ToString() => $"{Date}/{Region}/{Service}";
    }

    private sealed class Entry(Scope scope, SigningKey key)
    {
        public SigningKey Key { get; } = key;

        public bool Matches(string secretKey, ReadOnlySpan<char> date, string region, string service) =>
            date.SequenceEqual(scope.Date) &&
            string.Equals(scope.Region, region, StringComparison.Ordinal) &&
            string.Equals(scope.Service, service, StringComparison.Ordinal) &&
            string.Equals(scope.SecretKey, secretKey, StringComparison.Ordinal);
    }
}
