using System.Text;

namespace ServiceAuth.Client.Testing.Internal.Auth;

/// <summary>
/// Builds the SigV4 canonical request from a request as received on the wire. This is an independent implementation:
/// it shares no code with the signer in ServiceAuth.Client, so a bug in one cannot hide in the other.
/// </summary>
internal static class SigV4Canonicalizer
{
    public static string CanonicalRequest(WireRequest request, IReadOnlyList<string> signedHeaders, string payloadHash, bool excludeSignatureParameter)
    {
        var builder = new StringBuilder();
        builder.Append(request.Method).Append('\n');
        builder.Append(CanonicalPath(request.RawPath)).Append('\n');
        builder.Append(CanonicalQuery(request.RawQuery, excludeSignatureParameter)).Append('\n');
        foreach (string name in signedHeaders)
        {
            builder.Append(name).Append(':').Append(CanonicalHeaderValue(request.GetAll(name))).Append('\n');
        }

        builder.Append('\n').Append(string.Join(';', signedHeaders)).Append('\n').Append(payloadHash);
        return builder.ToString();
    }

    /// <summary>Removes dot segments and empty segments, then URI-encodes the wire path once more.</summary>
    public static string CanonicalPath(string rawPath)
    {
        var segments = new List<string>();
        foreach (string segment in rawPath.Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }

                continue;
            }

            segments.Add(segment);
        }

        var builder = new StringBuilder("/");
        builder.AppendJoin('/', segments.Select(s => Encode(Encoding.UTF8.GetBytes(s))));
        if (segments.Count > 0 && (rawPath.EndsWith('/') || rawPath.EndsWith("/.", StringComparison.Ordinal) || rawPath.EndsWith("/..", StringComparison.Ordinal)))
        {
            builder.Append('/');
        }

        return builder.ToString();
    }

    /// <summary>Decodes each name and value (a '+' stays a '+'), encodes them per RFC 3986, sorts by name then value.</summary>
    public static string CanonicalQuery(string rawQuery, bool excludeSignatureParameter)
    {
        var pairs = new List<(string Name, string Value)>();
        foreach (string part in rawQuery.Split('&'))
        {
            if (part.Length == 0)
            {
                continue;
            }

            int eq = part.IndexOf('=', StringComparison.Ordinal);
            string name = Encode(PercentDecode(eq < 0 ? part : part[..eq]));
            string value = eq < 0 ? string.Empty : Encode(PercentDecode(part[(eq + 1)..]));
            if (excludeSignatureParameter && name == "X-Amz-Signature")
            {
                continue;
            }

            pairs.Add((name, value));
        }

        pairs.Sort((a, b) =>
        {
            int byName = string.CompareOrdinal(a.Name, b.Name);
            return byName != 0 ? byName : string.CompareOrdinal(a.Value, b.Value);
        });
        return string.Join('&', pairs.Select(p => p.Name + "=" + p.Value));
    }

    /// <summary>Trims each header line, collapses runs of whitespace, and joins repeated lines with a comma.</summary>
    public static string CanonicalHeaderValue(IEnumerable<string> lines) =>
        string.Join(',', lines.Select(CollapseWhitespace));

    public static byte[] PercentDecode(string text)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        var output = new List<byte>(utf8.Length);
        for (int i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == '%' && i + 2 < utf8.Length && IsHex(utf8[i + 1]) && IsHex(utf8[i + 2]))
            {
                output.Add((byte)((HexValue(utf8[i + 1]) << 4) | HexValue(utf8[i + 2])));
                i += 2;
            }
            else
            {
                output.Add(utf8[i]);
            }
        }

        return [.. output];
    }

    public static string Encode(byte[] bytes)
    {
        const string Digits = "0123456789ABCDEF";
        var builder = new StringBuilder(bytes.Length * 3);
        foreach (byte b in bytes)
        {
            bool unreserved = b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9')
                or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~';
            if (unreserved)
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(Digits[b >> 4]).Append(Digits[b & 0xF]);
            }
        }

        return builder.ToString();
    }

    private static string CollapseWhitespace(string value)
    {
        var builder = new StringBuilder(value.Length);
        bool pendingSpace = false;
        foreach (char c in value.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static bool IsHex(byte b) => b is (>= (byte)'0' and <= (byte)'9') or (>= (byte)'a' and <= (byte)'f') or (>= (byte)'A' and <= (byte)'F');

    private static int HexValue(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
}
