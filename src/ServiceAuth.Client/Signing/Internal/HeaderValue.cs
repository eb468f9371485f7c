using System.Net.Http.Headers;

namespace ServiceAuth.Client.Signing.Internal;

internal static class HeaderValue
{
    /// <summary>The value as it goes on the wire: one value as is, several joined by the header's separator.</summary>
    public static string ToWireString(HeaderStringValues values) => values.Count == 1 ? First(values) : values.ToString();

    /// <summary>Appends the value with leading and trailing whitespace removed and inner runs of whitespace collapsed
    /// to one space.</summary>
    public static void AppendTrimmed(ref ByteBuilder builder, ReadOnlySpan<char> value)
    {
        value = value.Trim(" \t\r\n");
        int runStart = 0;
        for (int i = 0; i < value.Length; i++)
        {
            if (IsSpace(value[i]))
            {
                builder.Append(value[runStart..i]);
                builder.Append((byte)' ');
                while (i + 1 < value.Length && IsSpace(value[i + 1]))
                {
                    i++;
                }

                runStart = i + 1;
            }
        }

        builder.Append(value[runStart..]);
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\r' or '\n';

    private static string First(HeaderStringValues values)
    {
        foreach (string value in values)
        {
            return value;
        }

        return string.Empty;
    }
}
