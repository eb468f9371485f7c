namespace ServiceAuth.Client.AspNetCore.Internal;

/// <summary>
/// Decodes base64url text (JWT parts, identity-token parts, challenges) into the caller's buffer, with no string or array
/// made on the way: the runtime's <c>Base64Url</c> where it has one (.NET 9 and later), else the standard alphabet in a
/// stack copy. Lenient as those are (padding and white space are accepted): a caller that needs canonical text checks it
/// first.
/// </summary>
internal static class Base64UrlBytes
{
    /// <summary>Decoded sizes up to this go on the stack; callers rent beyond it.</summary>
    public const int StackLimit = 2048;

    /// <summary>The most bytes <paramref name="length"/> characters can decode to.</summary>
    public static int MaxDecodedLength(int length) => (length + 3) / 4 * 3;

    /// <summary>Decodes <paramref name="text"/> into <paramref name="destination"/> (at least
    /// <see cref="MaxDecodedLength"/> bytes); false when it is not base64url.</summary>
    public static bool TryDecode(ReadOnlySpan<char> text, Span<byte> destination, out int written)
    {
#if NET9_0_OR_GREATER
        return System.Buffers.Text.Base64Url.TryDecodeFromChars(text, destination, out written);
#else
        int padded = (text.Length + 3) / 4 * 4;
        char[]? rented = padded > StackLimit ? System.Buffers.ArrayPool<char>.Shared.Rent(padded) : null;
        try
        {
            Span<char> standard = (rented is null ? stackalloc char[StackLimit] : rented.AsSpan())[..padded];
            text.CopyTo(standard);
            standard[..text.Length].Replace('-', '+');
            standard[..text.Length].Replace('_', '/');
            standard[text.Length..].Fill('=');
            return Convert.TryFromBase64Chars(standard, destination, out written);
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<char>.Shared.Return(rented);
            }
        }
#endif
    }
}
