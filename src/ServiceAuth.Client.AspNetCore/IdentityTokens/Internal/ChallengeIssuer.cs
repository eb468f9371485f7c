using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using ServiceAuth.Client.IdentityTokens.Internal;

namespace ServiceAuth.Client.AspNetCore.IdentityTokens.Internal;

/// <summary>
/// Issues and checks challenges for the optional replay binding: base64url of 8 bytes of issue time (Unix seconds),
/// 16 random bytes and the first 16 bytes of their HMAC-SHA256 under the scheme's key. A challenge is accepted once,
/// within its lifetime; used ones are remembered (bounded) until they would have expired anyway.
/// </summary>
internal sealed class ChallengeIssuer(byte[] key, TimeSpan lifetime, TimeSpan skew, TimeProvider time)
{
    private const int PayloadLength = 24;
    private const int MacLength = 16;
    private const int MaxRemembered = 100_000;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _used = new(StringComparer.Ordinal);

    public string Issue()
    {
        Span<byte> bytes = stackalloc byte[PayloadLength + MacLength];
        BinaryPrimitives.WriteInt64BigEndian(bytes, time.GetUtcNow().ToUnixTimeSeconds());
        RandomNumberGenerator.Fill(bytes[8..PayloadLength]);
        HMACSHA256.HashData(key, bytes[..PayloadLength]).AsSpan(0, MacLength).CopyTo(bytes[PayloadLength..]);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Checks and consumes a challenge; returns what is wrong, or <see langword="null"/>.</summary>
    public string? Consume(string challenge)
    {
        byte[]? bytes = IdentityTokenText.IsValidChallenge(challenge) ? Decode(challenge) : null;
        if (bytes is not { Length: PayloadLength + MacLength }
            || !CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(key, bytes.AsSpan(0, PayloadLength)).AsSpan(0, MacLength), bytes.AsSpan(PayloadLength)))
        {
            return "the challenge was not issued by this service";
        }

        DateTimeOffset issued = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(bytes));
        DateTimeOffset now = time.GetUtcNow();
        if (issued > now + skew || now - issued > lifetime)
        {
            return "the challenge has expired";
        }

        Sweep(now);
        return _used.Count < MaxRemembered && _used.TryAdd(challenge, issued + lifetime) ? null : "the challenge was used already";
    }

    private static byte[]? Decode(string challenge)
    {
        string standard = challenge.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (challenge.Length % 4)) % 4);
        byte[] buffer = new byte[standard.Length];
        return Convert.TryFromBase64String(standard, buffer, out int written) ? buffer[..written] : null;
    }

    private void Sweep(DateTimeOffset now)
    {
        if (_used.Count < MaxRemembered / 2)
        {
            return;
        }

        foreach (KeyValuePair<string, DateTimeOffset> old in _used.Where(u => now > u.Value))
        {
            _used.TryRemove(old);
        }
    }
}
