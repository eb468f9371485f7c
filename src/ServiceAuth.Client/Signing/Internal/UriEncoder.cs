using System.Text;
using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Signing.Internal;

/// <summary>RFC 3986 percent-encoding as SigV4 defines it: every byte but the unreserved set, uppercase hex.</summary>
internal static class UriEncoder
{
    public static bool IsUnreserved(int b) =>
        (uint)((b | 0x20) - 'a') <= 'z' - 'a' || (uint)(b - '0') <= 9 || b is '-' or '_' or '.' or '~';

    /// <summary>Encodes the UTF-8 bytes of <paramref name="value"/> as they are (a <c>%</c> becomes <c>%25</c>).</summary>
    public static void AppendEncoded(ref ByteBuilder builder, ReadOnlySpan<char> value, bool keepSlash)
    {
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c < 0x80)
            {
                AppendByte(ref builder, (byte)c, keepSlash);
            }
            else
            {
                int runLength = NonAsciiRunLength(value, i);
                AppendUtf8Encoded(ref builder, value.Slice(i, runLength), keepSlash);
                i += runLength - 1;
            }
        }
    }

    /// <summary>Percent-decodes <paramref name="value"/> (a <c>+</c> stays a <c>+</c>; a malformed escape stays literal) and
    /// encodes the resulting bytes again.</summary>
    public static void AppendDecodedThenEncoded(ref ByteBuilder builder, ReadOnlySpan<char> value, bool keepSlash)
    {
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c == '%' && i + 2 < value.Length && Hex.Value(value[i + 1]) >= 0 && Hex.Value(value[i + 2]) >= 0)
            {
                int decoded = (Hex.Value(value[i + 1]) << 4) | Hex.Value(value[i + 2]);
                AppendByte(ref builder, (byte)decoded, keepSlash);
                i += 2;
            }
            else if (c < 0x80)
            {
                AppendByte(ref builder, (byte)c, keepSlash);
            }
            else
            {
                int runLength = NonAsciiRunLength(value, i);
                AppendUtf8Encoded(ref builder, value.Slice(i, runLength), keepSlash);
                i += runLength - 1;
            }
        }
    }

    private static void AppendByte(ref ByteBuilder builder, byte b, bool keepSlash)
    {
        if (IsUnreserved(b) || (keepSlash && b == '/'))
        {
            builder.Append(b);
            return;
        }

        Span<byte> escape = builder.AppendSpan(3);
        escape[0] = (byte)'%';
        escape[1] = Hex.UpperDigit(b >> 4);
        escape[2] = Hex.UpperDigit(b & 0xF);
    }

    private static void AppendUtf8Encoded(ref ByteBuilder builder, ReadOnlySpan<char> run, bool keepSlash)
    {
        Span<byte> utf8 = run.Length <= 64 ? stackalloc byte[run.Length * 3] : new byte[Encoding.UTF8.GetMaxByteCount(run.Length)];
        int count = Encoding.UTF8.GetBytes(run, utf8);
        for (int j = 0; j < count; j++)
        {
            AppendByte(ref builder, utf8[j], keepSlash);
        }
    }

    private static int NonAsciiRunLength(ReadOnlySpan<char> value, int start)
    {
        int end = start;
        while (end < value.Length && value[end] >= 0x80)
        {
            end++;
        }

        return end - start;
    }
}
