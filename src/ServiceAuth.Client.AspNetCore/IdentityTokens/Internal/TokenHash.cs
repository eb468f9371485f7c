using System.Buffers;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using ServiceAuth.Client.Protocol.Internal;

namespace ServiceAuth.Client.AspNetCore.IdentityTokens.Internal;

/// <summary>The SHA-256 of a token's exact characters as ASCII bytes (a token is base64url, so ASCII; no string copy):
/// the verified-token cache's key, so an entry answers only for the very token it was verified for. Hashed with the
/// signer's own SHA-256 (<see cref="FastSha256"/>: no native context made and freed per request).</summary>
internal readonly record struct TokenHash(ulong A, ulong B, ulong C, ulong D)
{
    private const int StackLimit = 4096;

    /// <summary>The hash of <paramref name="token"/>, or <see langword="null"/> when it is not ASCII (never verified).</summary>
    public static TokenHash? Of(ReadOnlySpan<char> token)
    {
        byte[]? rented = token.Length > StackLimit ? ArrayPool<byte>.Shared.Rent(token.Length) : null;
        try
        {
            Span<byte> ascii = rented is null ? stackalloc byte[token.Length] : rented;
            if (Ascii.FromUtf16(token, ascii, out int written) != OperationStatus.Done)
            {
                return null;
            }

            Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
            FastSha256.Hash(ascii[..written], digest);
            ReadOnlySpan<ulong> words = MemoryMarshal.Cast<byte, ulong>(digest);
            return new TokenHash(words[0], words[1], words[2], words[3]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
