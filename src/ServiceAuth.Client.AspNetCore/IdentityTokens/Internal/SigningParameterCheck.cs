using System.Globalization;
using ServiceAuth.Client.IdentityTokens;

namespace ServiceAuth.Client.AspNetCore.IdentityTokens.Internal;

/// <summary>
/// Checks the values of the allow-listed parameters: <c>Action=GetCallerIdentity</c>, <c>Version=2011-06-15</c>, the
/// SigV4 algorithm, a credential scope of this host's region and <c>sts</c>, a well-formed date, an expiry of at most 900
/// seconds, exactly the expected signed headers (the audience header among them), and a hex signature.
/// </summary>
internal static class SigningParameterCheck
{
    private const int MaxSecurityTokenLength = 4096;

    public static TokenFailure? Check(SortedDictionary<string, string> p, string region, bool challengeBound, out DateTimeOffset signedAt)
    {
        signedAt = default;
        if (p[StsQuery.Action] != "GetCallerIdentity")
        {
            return new(IamIdentityTokenFailureReason.ActionNotAllowed, $"Action is {TokenFailure.Quote(p[StsQuery.Action])}, not GetCallerIdentity");
        }

        if (p[StsQuery.Version] != IamIdentityTokenFormat.StsVersion)
        {
            return new(IamIdentityTokenFailureReason.VersionNotAllowed, $"Version is {TokenFailure.Quote(p[StsQuery.Version])}, not {IamIdentityTokenFormat.StsVersion}");
        }

        if (p[StsQuery.Algorithm] != "AWS4-HMAC-SHA256")
        {
            return Invalid($"X-Amz-Algorithm is {TokenFailure.Quote(p[StsQuery.Algorithm])}, not AWS4-HMAC-SHA256");
        }

        string date = p[StsQuery.Date];
        if (!DateTimeOffset.TryParseExact(date, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out signedAt))
        {
            return Invalid($"X-Amz-Date {TokenFailure.Quote(date)} is not yyyyMMddTHHmmssZ");
        }

        if (!int.TryParse(p[StsQuery.Expires], NumberStyles.None, CultureInfo.InvariantCulture, out int expires) || expires is < 1 or > 900)
        {
            return Invalid($"X-Amz-Expires {TokenFailure.Quote(p[StsQuery.Expires])} is not 1 to 900 seconds");
        }

        return CheckCredential(p[StsQuery.Credential], date, region)
            ?? CheckSignedHeaders(p[StsQuery.SignedHeaders], challengeBound)
            ?? CheckSignature(p);
    }

    private static TokenFailure? CheckCredential(string credential, string date, string region)
    {
        string[] scope = credential.Split('/');
        if (scope.Length != 5 || scope[0].Length is < 16 or > 128 || !scope[0].All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c)))
        {
            return Invalid("X-Amz-Credential is not <access key id>/<date>/<region>/sts/aws4_request");
        }

        if (scope[1] != date[..8] || scope[2] != region || scope[3] != "sts" || scope[4] != "aws4_request")
        {
            return Invalid($"the credential scope {TokenFailure.Quote(string.Join('/', scope[1..]))} is not {date[..8]}/{region}/sts/aws4_request");
        }

        return null;
    }

    private static TokenFailure? CheckSignedHeaders(string signedHeaders, bool challengeBound)
    {
        string[] names = signedHeaders.Split(';');
        if (!names.Contains(IamIdentityTokenFormat.AudienceHeader, StringComparer.Ordinal))
        {
            return new(IamIdentityTokenFailureReason.AudienceNotSigned, $"X-Amz-SignedHeaders {TokenFailure.Quote(signedHeaders)} does not include {IamIdentityTokenFormat.AudienceHeader}");
        }

        string expected = challengeBound
            ? $"host;{IamIdentityTokenFormat.AudienceHeader};{IamIdentityTokenFormat.ChallengeHeader}"
            : $"host;{IamIdentityTokenFormat.AudienceHeader}";
        return signedHeaders == expected ? null : Invalid($"X-Amz-SignedHeaders {TokenFailure.Quote(signedHeaders)} is not exactly '{expected}'");
    }

    private static TokenFailure? CheckSignature(SortedDictionary<string, string> p)
    {
        string signature = p[StsQuery.Signature];
        if (signature.Length != 64 || !signature.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'))
        {
            return Invalid("X-Amz-Signature is not 64 lowercase hex digits");
        }

        if (p.TryGetValue(StsQuery.SecurityToken, out string? token)
            && (token.Length is 0 or > MaxSecurityTokenLength || !token.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=')))
        {
            return Invalid($"X-Amz-Security-Token is not 1 to {MaxSecurityTokenLength} base64 characters");
        }

        return null;
    }

    private static TokenFailure Invalid(string detail) => new(IamIdentityTokenFailureReason.InvalidSigningParameter, detail);
}
