using System.Globalization;
using System.Text;

namespace ServiceAuth.Client.Testing.Internal.Auth;

/// <summary>Parses the Authorization header or the presigned query parameters, answering like AWS when they are incomplete.</summary>
internal static class SigV4AuthorizationParser
{
    private const string Algorithm = SigV4Authorization.Algorithm;
    private const string AlgorithmV4a = SigV4Authorization.AlgorithmV4a;

    /// <summary>Returns <see langword="null"/> when the request carries no SigV4 authentication at all.</summary>
    public static (SigV4Authorization? Authorization, AuthFailure? Failure) Parse(WireRequest request)
    {
        string? header = request.Get("Authorization");
        if (header is not null)
        {
            return ParseHeader(request, header);
        }

        Dictionary<string, string> query = DecodeQuery(request.RawQuery);
        if (query.ContainsKey("X-Amz-Algorithm") || query.ContainsKey("X-Amz-Signature"))
        {
            return ParsePresigned(query);
        }

        return (null, new AuthFailure(AuthFailureKind.MissingAuthenticationToken, "Missing Authentication Token"));
    }

    private static (SigV4Authorization?, AuthFailure?) ParseHeader(WireRequest request, string header)
    {
        bool v4a = header.StartsWith(AlgorithmV4a + " ", StringComparison.Ordinal);
        if (!v4a && !header.StartsWith(Algorithm + " ", StringComparison.Ordinal))
        {
            return (null, Incomplete($"Unsupported authorization scheme; expected '{Algorithm}'. Authorization={header}"));
        }

        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string item in header[((v4a ? AlgorithmV4a : Algorithm).Length + 1)..].Split(','))
        {
            int eq = item.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                parts[item[..eq].Trim()] = item[(eq + 1)..].Trim();
            }
        }

        var missing = new StringBuilder();
        foreach (string name in new[] { "Credential", "Signature", "SignedHeaders" })
        {
            if (!parts.ContainsKey(name))
            {
                missing.Append(CultureInfo.InvariantCulture, $"Authorization header requires '{name}' parameter. ");
            }
        }

        string? amzDate = request.Get("X-Amz-Date");
        if (amzDate is null)
        {
            missing.Append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
        }

        if (missing.Length > 0)
        {
            return (null, Incomplete(missing.Append("Authorization=").Append(header).ToString()));
        }

        string? regionSet = v4a ? request.Get("X-Amz-Region-Set")?.Trim() : null;
        if (v4a && regionSet is null)
        {
            return (null, Incomplete("Authorization header requires existence of a 'X-Amz-Region-Set' header for AWS4-ECDSA-P256-SHA256. Authorization=" + header));
        }

        return Build(parts["Credential"], parts["SignedHeaders"], parts["Signature"], amzDate!, request.Get("X-Amz-Security-Token"), false, 0, regionSet);
    }

    private static (SigV4Authorization?, AuthFailure?) ParsePresigned(Dictionary<string, string> query)
    {
        foreach (string name in new[] { "X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-SignedHeaders", "X-Amz-Signature", "X-Amz-Expires" })
        {
            if (!query.ContainsKey(name))
            {
                return (null, Incomplete($"AWS query-string parameters must include '{name}'. Re-examine the query-string parameters."));
            }
        }

        bool v4a = query["X-Amz-Algorithm"] == AlgorithmV4a;
        if ((!v4a && query["X-Amz-Algorithm"] != Algorithm)
            || !int.TryParse(query["X-Amz-Expires"], NumberStyles.None, CultureInfo.InvariantCulture, out int expires))
        {
            return (null, Incomplete("X-Amz-Algorithm must be AWS4-HMAC-SHA256 or AWS4-ECDSA-P256-SHA256 and X-Amz-Expires must be a number of seconds."));
        }

        string? regionSet = null;
        if (v4a && !query.TryGetValue("X-Amz-Region-Set", out regionSet))
        {
            return (null, Incomplete("AWS query-string parameters must include 'X-Amz-Region-Set'. Re-examine the query-string parameters."));
        }

        query.TryGetValue("X-Amz-Security-Token", out string? token);
        return Build(query["X-Amz-Credential"], query["X-Amz-SignedHeaders"], query["X-Amz-Signature"], query["X-Amz-Date"], token, true, expires, regionSet);
    }

    private static (SigV4Authorization?, AuthFailure?) Build(string credential, string signedHeaders, string signature, string amzDate, string? token, bool presigned, int expires, string? regionSet)
    {
        string[] scope = credential.Split('/');
        if (regionSet is not null)
        {
            // SigV4a: keyid/date/service/term, the regions being in X-Amz-Region-Set.
            if (scope.Length != 4 || scope[3] != "aws4_request")
            {
                return (null, Incomplete($"Credential must have exactly 4 slash-delimited elements, e.g. keyid/date/service/term, got '{credential}'"));
            }

            scope = [scope[0], scope[1], string.Empty, scope[2], scope[3]];
        }
        else if (scope.Length != 5 || scope[4] != "aws4_request")
        {
            return (null, Incomplete($"Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '{credential}'"));
        }

        if (!DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset signedAt))
        {
            return (null, Incomplete($"Date must be in ISO-8601 'basic format'. Got '{amzDate}'. See http://en.wikipedia.org/wiki/ISO_8601"));
        }

        string[] headers = signedHeaders.Split(';');
        if (!headers.Contains("host", StringComparer.Ordinal))
        {
            return (null, Incomplete("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization."));
        }

        if (regionSet is not null && !presigned && !headers.Contains("x-amz-region-set", StringComparer.Ordinal))
        {
            return (null, Incomplete("'X-Amz-Region-Set' must be a 'SignedHeader' in the AWS Authorization."));
        }

        return (new SigV4Authorization
        {
            AccessKeyId = scope[0],
            ScopeDate = scope[1],
            Region = scope[2],
            Service = scope[3],
            SignedHeaders = headers,
            Signature = signature,
            AmzDate = amzDate,
            SignedAt = signedAt,
            SecurityToken = token,
            IsPresigned = presigned,
            ExpiresSeconds = expires,
            IsSigV4a = regionSet is not null,
            RegionSet = regionSet,
        }, null);
    }

    private static Dictionary<string, string> DecodeQuery(string rawQuery)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string part in rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = part.IndexOf('=', StringComparison.Ordinal);
            string name = Encoding.UTF8.GetString(SigV4Canonicalizer.PercentDecode(eq < 0 ? part : part[..eq]));
            result[name] = eq < 0 ? string.Empty : Encoding.UTF8.GetString(SigV4Canonicalizer.PercentDecode(part[(eq + 1)..]));
        }

        return result;
    }

    private static AuthFailure Incomplete(string message) => new(AuthFailureKind.IncompleteSignature, message);
}
