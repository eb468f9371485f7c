using System.Buffers;
using System.Text;
using ServiceAuth.Client.AspNetCore.Internal;
using ServiceAuth.Client.IdentityTokens;

namespace ServiceAuth.Client.AspNetCore.IdentityTokens.Internal;

/// <summary>
/// Strict decoding of <c>sa-iam-v1.&lt;url&gt;.&lt;audience&gt;[.&lt;challenge&gt;]</c>: the size is checked first; every
/// part must be canonical unpadded base64url (no padding, no other alphabet, no stray bits) of valid UTF-8.
/// </summary>
internal static class IdentityTokenReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly SearchValues<char> Alphabet = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    public static TokenFailure? TryRead(string token, int maxLength, out DecodedToken? decoded)
    {
        decoded = null;
        if (token.Length > maxLength)
        {
            return new(IamIdentityTokenFailureReason.TooLarge, $"the token has {token.Length} characters, more than the {maxLength} allowed");
        }

        ReadOnlySpan<char> rest = token.AsSpan(IamIdentityTokenFormat.Prefix.Length);
        int count = rest.Count('.') + 1;
        if (count is not (2 or 3))
        {
            return Malformed($"the token has {count} dot-separated parts after the prefix; 2 or 3 expected");
        }

        var text = new string?[3];
        for (int i = 0; i < count; i++)
        {
            int dot = rest.IndexOf('.');
            ReadOnlySpan<char> part = dot < 0 ? rest : rest[..dot];
            rest = dot < 0 ? default : rest[(dot + 1)..];
            text[i] = DecodePart(part);
            if (text[i] is null)
            {
                return Malformed($"part {i + 1} is not canonical unpadded base64url of UTF-8 text");
            }
        }

        decoded = new DecodedToken(text[0]!, text[1]!, text[2]);
        return null;
    }

    /// <summary>Decodes canonical unpadded base64url, or returns <see langword="null"/>.</summary>
    internal static string? DecodePart(ReadOnlySpan<char> part)
    {
        if (part.Length == 0 || part.Length % 4 == 1 || part.IndexOfAnyExcept(Alphabet) >= 0 || !NoStrayBits(part))
        {
            return null;
        }

        int max = Base64UrlBytes.MaxDecodedLength(part.Length);
        byte[]? rented = max > Base64UrlBytes.StackLimit ? ArrayPool<byte>.Shared.Rent(max) : null;
        try
        {
            Span<byte> bytes = rented is null ? stackalloc byte[Base64UrlBytes.StackLimit] : rented;
            return Base64UrlBytes.TryDecode(part, bytes, out int written) ? StrictUtf8Text(bytes[..written]) : null;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Canonical: the bits of the last character beyond the encoded bytes are zero (encoding the bytes again
    /// would give the same text).</summary>
    private static bool NoStrayBits(ReadOnlySpan<char> part)
    {
        char last = part[^1];
        int value = last switch
        {
            >= 'A' and <= 'Z' => last - 'A',
            >= 'a' and <= 'z' => last - 'a' + 26,
            >= '0' and <= '9' => last - '0' + 52,
            '-' => 62,
            _ => 63,
        };
        return (part.Length % 4) switch
        {
            2 => (value & 0xF) == 0,
            3 => (value & 0x3) == 0,
            _ => true,
        };
    }

    private static string? StrictUtf8Text(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static TokenFailure Malformed(string detail) => new(IamIdentityTokenFailureReason.Malformed, detail);
}
