using System.Security.Cryptography;
using System.Text;

namespace ServiceAuth.Client.Tests.Conformance;

/// <summary>An independent, deliberately naive SigV4 computation (string in, string out) to check the signer against.</summary>
public static class SigV4Reference
{
    public static string StringToSign(string canonicalRequest, string amzDate, string region, string service) =>
        "AWS4-HMAC-SHA256\n" + amzDate + "\n" + amzDate[..8] + "/" + region + "/" + service + "/aws4_request\n" +
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)));

    public static string Signature(string secretKey, string stringToSign, string date, string region, string service)
    {
        byte[] key = Encoding.UTF8.GetBytes("AWS4" + secretKey);
        foreach (string part in new[] { date, region, service, "aws4_request" })
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        }

        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
    }

    /// <summary>Splits a raw query into percent-decoded (name, value) pairs, in order.</summary>
    public static List<KeyValuePair<string, string>> DecodeQuery(string query)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (string pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = pair.IndexOf('=', StringComparison.Ordinal);
            string name = eq < 0 ? pair : pair[..eq];
            string value = eq < 0 ? string.Empty : pair[(eq + 1)..];
            pairs.Add(new(Uri.UnescapeDataString(name), Uri.UnescapeDataString(value)));
        }

        return pairs;
    }
}
