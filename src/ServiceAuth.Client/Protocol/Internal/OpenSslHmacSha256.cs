using System.Security.Cryptography;

namespace ServiceAuth.Client.Protocol.Internal;

/// <summary>HMAC-SHA256 under one key on <see cref="OpenSslSha256"/>: the key's inner and outer pads are hashed once,
/// and each HMAC resumes copies of those two states (RFC 2104), so a signature costs the hash of its string to sign and
/// one more block. Thread-safe: the states are only read. They are as secret as the key, and live as long as it.
/// Only made when <see cref="OpenSslSha256.IsAvailable"/>.</summary>
internal sealed class OpenSslHmacSha256
{
    private const int BlockSize = 64;

    private readonly byte[] _states = new byte[2 * OpenSslSha256.ContextSize];

    public OpenSslHmacSha256(ReadOnlySpan<byte> key)
    {
        Span<byte> block = stackalloc byte[BlockSize];
        Span<byte> hashedKey = stackalloc byte[SHA256.HashSizeInBytes];
        scoped ReadOnlySpan<byte> effectiveKey = key;
        if (key.Length > BlockSize)
        {
            OpenSslSha256.Hash(key, hashedKey);
            effectiveKey = hashedKey;
        }

        Pad(effectiveKey, block, 0x36);
        OpenSslSha256.Start(_states.AsSpan(0, OpenSslSha256.ContextSize), block);
        Pad(effectiveKey, block, 0x5C);
        OpenSslSha256.Start(_states.AsSpan(OpenSslSha256.ContextSize), block);
        block.Clear();
        hashedKey.Clear();
    }

    /// <summary>Writes HMAC-SHA256(key, <paramref name="data"/>) to <paramref name="destination"/> (32 bytes).</summary>
    public void Compute(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        Span<byte> inner = stackalloc byte[SHA256.HashSizeInBytes];
        OpenSslSha256.Resume(_states.AsSpan(0, OpenSslSha256.ContextSize), data, inner);
        OpenSslSha256.Resume(_states.AsSpan(OpenSslSha256.ContextSize), inner, destination);
    }

    private static void Pad(ReadOnlySpan<byte> key, Span<byte> block, byte value)
    {
        block.Fill(value);
        for (int i = 0; i < key.Length; i++)
        {
            block[i] ^= key[i];
        }
    }
}
