using System.Text;

namespace ServiceAuth.Client.AspNetCore.IdentityTokens.Internal;

/// <summary>
/// Parses the token's query strictly: every parameter is <c>name=value</c>; names are spelled out (no escapes), appear
/// once in any letter case, and are on the allow-list with its exact spelling; values use only unreserved characters and
/// <c>%HH</c> escapes (a literal <c>+</c> is refused: it means a space to some parsers and a plus to others) and decode
/// to printable ASCII. The answer maps each name to its decoded value.
/// </summary>
internal static class StsQuery
{
    public const string Action = "Action";
    public const string Version = "Version";
    public const string Algorithm = "X-Amz-Algorithm";
    public const string Credential = "X-Amz-Credential";
    public const string Date = "X-Amz-Date";
    public const string Expires = "X-Amz-Expires";
    public const string SignedHeaders = "X-Amz-SignedHeaders";
    public const string Signature = "X-Amz-Signature";
    public const string SecurityToken = "X-Amz-Security-Token";

    private static readonly string[] Required = [Action, Version, Algorithm, Credential, Date, Expires, SignedHeaders, Signature];
    private static readonly string[] Allowed = [.. Required, SecurityToken];

    public static TokenFailure? Parse(string query, out SortedDictionary<string, string> parameters)
    {
        parameters = new(StringComparer.Ordinal);
        string[] parts = query.Split('&');
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (string part in parts)
        {
            int eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                return Malformed($"the query has a parameter without a name or '=': {TokenFailure.Quote(part)}");
            }

            string name = part[..eq];
            if (!name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                return new(IamIdentityTokenFailureReason.ParameterNotAllowed, $"the parameter name {TokenFailure.Quote(name)} is escaped or has characters no allowed name has");
            }

            if (!names.Add(name))
            {
                return new(IamIdentityTokenFailureReason.DuplicateParameter, $"the parameter {TokenFailure.Quote(name)} appears more than once (letter case ignored)");
            }
        }

        foreach (string part in parts)
        {
            int eq = part.IndexOf('=', StringComparison.Ordinal);
            string name = part[..eq];
            if (!Allowed.Contains(name, StringComparer.Ordinal))
            {
                string? spelled = Allowed.FirstOrDefault(a => a.Equals(name, StringComparison.OrdinalIgnoreCase));
                return new(IamIdentityTokenFailureReason.ParameterNotAllowed, spelled is null
                    ? $"the parameter {TokenFailure.Quote(name)} is not allowed"
                    : $"the parameter {TokenFailure.Quote(name)} must be spelled '{spelled}'");
            }

            if (Decode(part[(eq + 1)..]) is not { } value)
            {
                return Malformed($"the value of {name} is not strictly percent-encoded printable ASCII");
            }

            parameters[name] = value;
        }

        SortedDictionary<string, string> found = parameters;
        string[] missing = [.. Required.Where(r => !found.ContainsKey(r))];
        return missing.Length == 0 ? null
            : new(IamIdentityTokenFailureReason.MissingParameter, $"the query lacks {string.Join(", ", missing)}");
    }

    /// <summary>RFC 3986 encoding, as SigV4 canonicalizes: unreserved characters stay, every other byte is <c>%HH</c>.</summary>
    public static string Encode(string value)
    {
        var builder = new StringBuilder(value.Length + 16);
        foreach (byte b in Encoding.UTF8.GetBytes(value))
        {
            if (IsUnreserved((char)b))
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append("0123456789ABCDEF"[b >> 4]).Append("0123456789ABCDEF"[b & 0xF]);
            }
        }

        return builder.ToString();
    }

    private static string? Decode(string raw)
    {
        var decoded = new StringBuilder(raw.Length);
        for (int i = 0; i < raw.Length; i++)
        {
            char c = raw[i];
            if (IsUnreserved(c))
            {
                decoded.Append(c);
            }
            else if (c == '%' && i + 2 < raw.Length && char.IsAsciiHexDigit(raw[i + 1]) && char.IsAsciiHexDigit(raw[i + 2]))
            {
                char escaped = (char)Convert.ToByte(raw.Substring(i + 1, 2), 16);
                if (escaped is < '!' or > '~')
                {
                    return null;
                }

                decoded.Append(escaped);
                i += 2;
            }
            else
            {
                return null;
            }
        }

        return decoded.ToString();
    }

    private static bool IsUnreserved(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~';

    private static TokenFailure Malformed(string detail) => new(IamIdentityTokenFailureReason.Malformed, detail);
}
