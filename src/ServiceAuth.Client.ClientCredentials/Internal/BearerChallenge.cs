using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace ServiceAuth.Client.ClientCredentials.Internal;

/// <summary>Reads RFC 6750 <c>WWW-Authenticate: Bearer</c> challenges.</summary>
internal static partial class BearerChallenge
{
    /// <summary>Whether a Bearer challenge carries <c>error="invalid_token"</c> (quoted or not). Parameters may be
    /// separated by commas (RFC 6750) or, as API Gateway HTTP APIs send them, by spaces only.</summary>
    public static bool IsInvalidToken(HttpHeaderValueCollection<AuthenticationHeaderValue> challenges)
    {
        foreach (AuthenticationHeaderValue challenge in challenges)
        {
            if (!string.Equals(challenge.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase) || challenge.Parameter is not { } parameters)
            {
                continue;
            }

            foreach (Match match in AuthParam().Matches(parameters))
            {
                if (string.Equals(match.Groups["name"].Value, "error", StringComparison.OrdinalIgnoreCase)
                    && string.Equals(match.Groups["value"].Value.Trim('"'), "invalid_token", StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    [GeneratedRegex("""(?:^|[,\s])\s*(?<name>[A-Za-z0-9_\-]+)\s*=\s*(?<value>"(?:[^"\\]|\\.)*"|[^,\s]*)""", RegexOptions.CultureInvariant)]
    private static partial Regex AuthParam();
}
