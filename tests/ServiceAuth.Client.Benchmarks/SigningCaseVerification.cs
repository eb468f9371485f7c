using System.Security.Cryptography;
using System.Text;

namespace ServiceAuth.Client.Benchmarks;

/// <summary>The check that the GET without <c>x-amz-content-sha256</c> signs exactly the verified GET minus that header.</summary>
internal static class SigningCaseVerification
{
    /// <summary>Throws unless this case (<see cref="SigningCase.GetWithoutContentSha256"/>) signs exactly the request of
    /// <paramref name="withContentSha256"/> (checked against AWSSDK.Core by its <see cref="SigningCase.Verify"/>) minus that header:
    /// the signature is recomputed here from that case's canonical request without the header's line and name.</summary>
    public static void VerifyWithoutContentSha256(this SigningCase three, SigningCase withContentSha256)
    {
        withContentSha256.Verify();
        HttpRequestMessage signed = three.SignOurs();
        string authorization = signed.Headers.NonValidated["Authorization"].ToString();
        if (signed.Headers.Contains("x-amz-content-sha256") ||
            !authorization.Contains("SignedHeaders=host;x-amz-date;x-amz-security-token,", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Not the request without x-amz-content-sha256: {SigningCase.Describe(signed)}");
        }

        string canonical = Encoding.UTF8.GetString(withContentSha256.CanonicalRequest);
        int line = canonical.IndexOf("\nx-amz-content-sha256:", StringComparison.Ordinal);
        int lineEnd = canonical.IndexOf('\n', line + 1);
        canonical = canonical.Remove(line, lineEnd - line).Replace(";x-amz-content-sha256", string.Empty, StringComparison.Ordinal);
        string stringToSign = Encoding.UTF8.GetString(withContentSha256.StringToSign);
        stringToSign = stringToSign[..^64] + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
        string expected = Convert.ToHexStringLower(HMACSHA256.HashData(three.SigningKey, Encoding.UTF8.GetBytes(stringToSign)));
        if (SigningCase.SignatureOf(authorization) != expected)
        {
            throw new InvalidOperationException($"The signature without x-amz-content-sha256 is not that request's: {SigningCase.Describe(signed)}");
        }
    }
}
