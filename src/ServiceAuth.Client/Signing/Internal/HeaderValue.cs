using System.Buffers;
using System.Net.Http.Headers;
using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Signing.Internal;

internal static class HeaderValue
{
    private static readonly SearchValues<char> Whitespace = SearchValues.Create(" \t\r\n");

    /// <summary>The value as it goes on the wire: one value as is (no copy), several joined by the header's separator.</summary>
    public static string ToWireString(HeaderStringValues values) => values.ToString();

    /// <summary>Appends the value with leading and trailing whitespace removed and inner runs of whitespace collapsed
    /// to one space.</summary>
    public static void AppendTrimmed(ref ByteBuilder builder, ReadOnlySpan<char> value)
    {
        value = value.Trim(" \t\r\n");

        // Copy the runs between whitespace whole; the search is vectorized, which matters for long values such as
        // session tokens.
        while (true)
        {
            int space = value.IndexOfAny(Whitespace);
            if (space < 0)
            {
                builder.Append(value);
                return;
            }

            builder.Append(value[..space]);
            builder.Append((byte)' ');
            value = value[space..].TrimStart(" \t\r\n");
        }
    }
}
