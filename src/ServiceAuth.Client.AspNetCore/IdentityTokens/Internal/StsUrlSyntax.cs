using System.Net;

namespace ServiceAuth.Client.AspNetCore.IdentityTokens.Internal;

/// <summary>
/// Splits the token's URL without <see cref="Uri"/> (which would convert IDN, drop default ports and unescape): exactly
/// <c>https://</c>, a host that is on the fixed list (no userinfo, port, IP literal or IDN), the path <c>/</c>, a query,
/// no fragment, and nothing but printable ASCII.
/// </summary>
internal static class StsUrlSyntax
{
    private const string Https = "https://";

    public static TokenFailure? Split(string url, AllowedStsHosts hosts, out string host, out string region, out string query)
    {
        host = region = query = string.Empty;
        if (!url.StartsWith(Https, StringComparison.Ordinal))
        {
            int colon = url.IndexOf(':', StringComparison.Ordinal);
            return new(IamIdentityTokenFailureReason.InsecureScheme, $"the scheme {TokenFailure.Quote(colon < 0 ? url : url[..colon])} is not https");
        }

        string rest = url[Https.Length..];
        int end = rest.IndexOfAny(['/', '?', '#', '\\']);
        string authority = end < 0 ? rest : rest[..end];
        if (CheckHost(authority, hosts) is { } hostFailure)
        {
            return hostFailure;
        }

        host = authority;
        region = hosts.RegionOf(authority)!;
        if (url.AsSpan().ContainsAnyExceptInRange('!', '~'))
        {
            return Malformed("the URL contains a space, a control character or non-ASCII text");
        }

        string remainder = end < 0 ? string.Empty : rest[end..];
        if (remainder.Contains('#', StringComparison.Ordinal))
        {
            return Malformed("the URL has a fragment");
        }

        if (!remainder.StartsWith("/?", StringComparison.Ordinal))
        {
            int q = remainder.IndexOf('?', StringComparison.Ordinal);
            return new(IamIdentityTokenFailureReason.PathNotAllowed, $"the path {TokenFailure.Quote(q < 0 ? remainder : remainder[..q])} is not /");
        }

        query = remainder[2..];
        return null;
    }

    private static TokenFailure? CheckHost(string authority, AllowedStsHosts hosts)
    {
        string? problem =
            authority.Length == 0 ? "the URL has no host"
            : authority.Contains('@', StringComparison.Ordinal) ? "the authority has userinfo"
            : authority.AsSpan().ContainsAnyExceptInRange('!', '~') ? "the host is not ASCII (IDN)"
            : authority.Contains("xn--", StringComparison.OrdinalIgnoreCase) ? "the host has a punycode (IDN) label"
            : authority.IndexOfAny([':', '[', ']']) >= 0 ? "the authority has a port or an IPv6 literal"
            : IPAddress.TryParse(authority, out _) ? "the host is an IP literal"
            : hosts.RegionOf(authority) is null ? $"the host is not one of the {hosts.Count} allowed regional STS endpoints"
            : null;
        return problem is null ? null : new(IamIdentityTokenFailureReason.HostNotAllowed, $"{problem}: {TokenFailure.Quote(authority)}");
    }

    private static TokenFailure Malformed(string detail) => new(IamIdentityTokenFailureReason.Malformed, detail);
}
