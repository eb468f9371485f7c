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
    private static readonly System.Buffers.SearchValues<char> Unreserved = System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~");
    private static readonly System.Buffers.SearchValues<char> NameCharacters = System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-");

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
            if (name.AsSpan().ContainsAnyExcept(NameCharacters))
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

            if (Decode(part.AsSpan(eq + 1)) is not { } value)
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

    private static string? Decode(ReadOnlySpan<char> raw)
    {
        if (raw.IndexOf('%') < 0)
        {
            return raw.ContainsAnyExcept(Unreserved) ? null : raw.ToString();
        }

        char[]? rented = raw.Length > 1024 ? System.Buffers.ArrayPool<char>.Shared.Rent(raw.Length) : null;
        Span<char> decoded = rented ?? stackalloc char[raw.Length];
        int length = 0;
        try
        {
            for (int i = 0; i < raw.Length; i++)
            {
                char c = raw[i];
                if (IsUnreserved(c))
                {
                    decoded[length++] = c;
                }
                else if (c == '%' && i + 2 < raw.Length && char.IsAsciiHexDigit(raw[i + 1]) && char.IsAsciiHexDigit(raw[i + 2]))
                {
                    char escaped = (char)((HexValue(raw[i + 1]) << 4) | HexValue(raw[i + 2]));
                    if (escaped is < '!' or > '~')
                    {
                        return null;
                    }

                    decoded[length++] = escaped;
                    i += 2;
                }
                else
                {
                    return null;
                }
            }

            return new string(decoded[..length]);
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private static bool IsUnreserved(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~';

    private static TokenFailure Malformed(string detail) => new(IamIdentityTokenFailureReason.Malformed, detail);
}
