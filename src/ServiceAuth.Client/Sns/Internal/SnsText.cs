using System.Text;

namespace ServiceAuth.Client.Sns.Internal;

/// <summary>Strict UTF-8 helpers: SNS counts sizes in UTF-8 bytes, and a lone surrogate has no UTF-8 form.</summary>
internal static class SnsText
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The UTF-8 byte count, or -1 when the text has a lone surrogate.</summary>
    public static int Utf8Length(string text)
    {
        try
        {
            return Strict.GetByteCount(text);
        }
        catch (EncoderFallbackException)
        {
            return -1;
        }
    }

    /// <summary>The UTF-8 bytes, or <see langword="null"/> when the text has a lone surrogate.</summary>
    public static byte[]? ToUtf8(string text)
    {
        try
        {
            return Strict.GetBytes(text);
        }
        catch (EncoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>The value as it may appear in an exception: at most 64 characters.</summary>
    public static string Shorten(string? value) => value is null ? "(null)" : value.Length <= 64 ? value : string.Concat(value.AsSpan(0, 64), "…");
}
