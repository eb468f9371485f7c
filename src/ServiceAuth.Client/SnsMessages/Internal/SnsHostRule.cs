using System.Text.RegularExpressions;

namespace ServiceAuth.Client.SnsMessages.Internal;

/// <summary>
/// Which URLs an envelope may name: <c>https</c> on exactly <c>sns.&lt;region&gt;.amazonaws.com</c> (GovCloud regions
/// included) or <c>sns.cn-&lt;region&gt;.amazonaws.com.cn</c>; ASCII only (no IDN), no userinfo, no port (not even
/// <c>:443</c>), no fragment. The known mistakes of SNS validators (a suffix or substring match, <c>http</c>, a
/// look-alike or punycode host, <c>user@host</c>) all fail here. The certificate URL must also be a <c>.pem</c> path with no query.
/// </summary>
internal static partial class SnsHostRule
{
    public static bool IsSnsUrl(string? text, bool certificate, out Uri? url)
    {
        url = null;
        if (string.IsNullOrEmpty(text) || !text.All(char.IsAscii) || !text.StartsWith("https://", StringComparison.Ordinal)
            || !Uri.TryCreate(text, UriKind.Absolute, out Uri? parsed))
        {
            return false;
        }

        string authority = text["https://".Length..].Split('/', '?', '#')[0];
        bool plainHost = authority == parsed.Host && parsed.UserInfo.Length == 0 && parsed.Fragment.Length == 0;
        bool pathOk = !certificate || (parsed.Query.Length == 0 && parsed.AbsolutePath.EndsWith(".pem", StringComparison.Ordinal));
        if (!plainHost || !pathOk || !IsSnsHost(parsed.Host))
        {
            return false;
        }

        url = parsed;
        return true;
    }

    public static bool IsSnsHost(string host)
    {
        Match match = Host().Match(host);
        return match.Success && match.Groups["region"].Value.StartsWith("cn-", StringComparison.Ordinal) == match.Groups["cn"].Success;
    }

    [GeneratedRegex(@"^sns\.(?<region>[a-z]{2}(?:-[a-z]+)+-[0-9]{1,2})\.amazonaws\.com(?<cn>\.cn)?$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Host();
}
