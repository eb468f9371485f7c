using System.Buffers;
using System.Text;

namespace ServiceAuth.Client.EventBridge.Internal;

/// <summary>
/// Writes JSON string values exactly as the AWS SDKs' awsJson serializers do (JavaScript's <c>JSON.stringify</c>):
/// <c>"</c> and <c>\</c> escaped, <c>\b \f \n \r \t</c> short forms, other control characters as lower-case
/// <c>\u00xx</c>, everything else (non-ASCII, <c>/</c>, <c>&lt;</c>, U+2028) as raw UTF-8. System.Text.Json's encoders
/// escape more (and in upper case), so the wire would differ from the SDKs'.
/// </summary>
internal static class AwsJsonText
{
    private static ReadOnlySpan<byte> HexDigits => "0123456789abcdef"u8;

    public static void WriteString(IBufferWriter<byte> writer, string value)
    {
        Write(writer, "\""u8);
        int start = 0;
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c >= 0x20 && c != '"' && c != '\\')
            {
                continue;
            }

            WriteUtf8(writer, value.AsSpan(start, i - start));
            start = i + 1;
            switch (c)
            {
                case '"': Write(writer, "\\\""u8); break;
                case '\\': Write(writer, "\\\\"u8); break;
                case '\b': Write(writer, "\\b"u8); break;
                case '\f': Write(writer, "\\f"u8); break;
                case '\n': Write(writer, "\\n"u8); break;
                case '\r': Write(writer, "\\r"u8); break;
                case '\t': Write(writer, "\\t"u8); break;
                default:
                    Span<byte> escape = writer.GetSpan(6);
                    "\\u00"u8.CopyTo(escape);
                    escape[4] = HexDigits[c >> 4];
                    escape[5] = HexDigits[c & 0xF];
                    writer.Advance(6);
                    break;
            }
        }

        WriteUtf8(writer, value.AsSpan(start));
        Write(writer, "\""u8);
    }

    public static void Write(IBufferWriter<byte> writer, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(writer.GetSpan(bytes.Length));
        writer.Advance(bytes.Length);
    }

    private static void WriteUtf8(IBufferWriter<byte> writer, ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return;
        }

        Span<byte> span = writer.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        writer.Advance(Encoding.UTF8.GetBytes(text, span));
    }
}
