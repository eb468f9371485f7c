using System.Buffers.Binary;
using System.Security.Cryptography;
using ServiceAuth.Client.AspNetCore.Internal;
using ServiceAuth.Client.IdentityTokens.Internal;

namespace ServiceAuth.Client.AspNetCore.IdentityTokens.Internal;

/// <summary>
/// Issues and checks challenges for the optional replay binding: base64url of 8 bytes of issue time (Unix seconds),
/// 16 random bytes and the first 16 bytes of their HMAC-SHA256 under the scheme's key. <see cref="Check"/> runs before
/// STS is called and consumes nothing; <see cref="Consume"/> runs only once STS confirmed the token and its account is
/// allowed, so anonymous requests cannot use up challenges or fill the set. Used challenges are remembered until they
/// would have expired anyway, at most <see cref="MaxRemembered"/> (the oldest is forgotten first; a valid fresh challenge
/// is never refused for lack of room).
/// </summary>
internal sealed class ChallengeIssuer(byte[] key, TimeSpan lifetime, TimeSpan skew, TimeProvider time)
{
    public const int MaxRemembered = 100_000;
    private const int PayloadLength = 24;
    private const int MacLength = 16;
    private const string UsedAlready = "the challenge was used already";
    private readonly RecentSet _used = new(MaxRemembered, time);

    public int Remembered => _used.Count;

    public string Issue()
    {
        Span<byte> bytes = stackalloc byte[PayloadLength + MacLength];
        BinaryPrimitives.WriteInt64BigEndian(bytes, time.GetUtcNow().ToUnixTimeSeconds());
        RandomNumberGenerator.Fill(bytes[8..PayloadLength]);
        HMACSHA256.HashData(key, bytes[..PayloadLength]).AsSpan(0, MacLength).CopyTo(bytes[PayloadLength..]);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Checks a challenge without consuming it; returns what is wrong, or <see langword="null"/>.</summary>
    public string? Check(string challenge) => Validate(challenge, out _) ?? (_used.Contains(challenge) ? UsedAlready : null);

    /// <summary>Checks and consumes a challenge; returns what is wrong, or <see langword="null"/>.</summary>
    public string? Consume(string challenge) =>
        Validate(challenge, out DateTimeOffset expiresAt) ?? (_used.TryAdd(challenge, expiresAt) ? null : UsedAlready);

    private string? Validate(string challenge, out DateTimeOffset expiresAt)
    {
        expiresAt = default;
        byte[]? bytes = IdentityTokenText.IsValidChallenge(challenge) ? Decode(challenge) : null;
        if (bytes is not { Length: PayloadLength + MacLength }
            || !CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(key, bytes.AsSpan(0, PayloadLength)).AsSpan(0, MacLength), bytes.AsSpan(PayloadLength)))
        {
            return "the challenge was not issued by this service";
        }

        DateTimeOffset issued = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(bytes));
        DateTimeOffset now = time.GetUtcNow();
        expiresAt = issued + lifetime;
        return issued > now + skew || now - issued > lifetime ? "the challenge has expired" : null;
    }

    private static byte[]? Decode(string challenge)
    {
        byte[] buffer = new byte[Base64UrlBytes.MaxDecodedLength(challenge.Length)];
        return Base64UrlBytes.TryDecode(challenge, buffer, out int written) ? buffer[..written] : null;
    }
}
