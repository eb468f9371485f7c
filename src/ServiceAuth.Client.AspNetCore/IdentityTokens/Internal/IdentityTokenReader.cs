using System.Text;
using ServiceAuth.Client.IdentityTokens;

namespace ServiceAuth.Client.AspNetCore.IdentityTokens.Internal;

/// <summary>
/// Strict decoding of <c>sa-iam-v1.&lt;url&gt;.&lt;audience&gt;[.&lt;challenge&gt;]</c>: the size is checked first; every
/// part must be canonical unpadded base64url (no padding, no other alphabet, no stray bits) of valid UTF-8.
/// </summary>
internal static class IdentityTokenReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static TokenFailure? TryRead(string token, int maxLength, out DecodedToken? decoded)
    {
        decoded = null;
        if (token.Length > maxLength)
        {
            return new(IamIdentityTokenFailureReason.TooLarge, $"the token has {token.Length} characters, more than the {maxLength} allowed");
        }

        string[] parts = token[IamIdentityTokenFormat.Prefix.Length..].Split('.');
        if (parts.Length is not (2 or 3))
        {
            return Malformed($"the token has {parts.Length} dot-separated parts after the prefix; 2 or 3 expected");
        }

        var text = new string?[3];
        for (int i = 0; i < parts.Length; i++)
        {
            text[i] = DecodePart(parts[i]);
            if (text[i] is null)
            {
                return Malformed($"part {i + 1} is not canonical unpadded base64url of UTF-8 text");
            }
        }

        decoded = new DecodedToken(text[0]!, text[1]!, text[2]);
        return null;
    }

    /// <summary>Decodes canonical unpadded base64url, or returns <see langword="null"/>.</summary>
    internal static string? DecodePart(string part)
    {
        if (part.Length == 0 || part.Length % 4 == 1 || !part.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return null;
        }

        string standard = part.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (part.Length % 4)) % 4);
        byte[] bytes = new byte[standard.Length / 4 * 3];
        if (!Convert.TryFromBase64String(standard, bytes, out int written))
        {
            return null;
        }

        // Canonical: encoding the bytes again gives the same text (no non-zero trailing bits).
        if (!Convert.ToBase64String(bytes, 0, written).Equals(standard, StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            return StrictUtf8.GetString(bytes, 0, written);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static TokenFailure Malformed(string detail) => new(IamIdentityTokenFailureReason.Malformed, detail);
}
