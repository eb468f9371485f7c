namespace ServiceAuth.Client.IdentityTokens;

/// <summary>
/// The wire format of an IAM identity token, shared by the caller (<c>AddIamIdentityToken</c>) and the callee
/// (ServiceAuth.Client.AspNetCore). A token is sent as <c>Authorization: Bearer sa-iam-v1.&lt;url&gt;.&lt;audience&gt;</c>,
/// optionally followed by <c>.&lt;challenge&gt;</c>, where each part is unpadded base64url (RFC 4648 §5) of UTF-8 text:
/// <c>url</c> is a presigned STS <c>GetCallerIdentity</c> request (HTTPS GET to a regional STS endpoint, signed
/// headers <c>host;x-serviceauth-audience</c>, plus <c>x-serviceauth-challenge</c> when bound to a challenge). See
/// docs/identity-tokens.md.
/// </summary>
public static class IamIdentityTokenFormat
{
    /// <summary>The prefix that marks a bearer token as an IAM identity token of version 1.</summary>
    public const string Prefix = "sa-iam-v1.";

    /// <summary>The HTTP authentication scheme the token travels in.</summary>
    public const string AuthorizationScheme = "Bearer";

    /// <summary>The header, signed into the presigned request, that names the callee the token is for.</summary>
    public const string AudienceHeader = "x-serviceauth-audience";

    /// <summary>The header, signed into the presigned request, that carries a callee-issued challenge (optional binding).</summary>
    public const string ChallengeHeader = "x-serviceauth-challenge";

    /// <summary>The <c>WWW-Authenticate</c> parameter a callee that requires challenge binding sends its challenge in.</summary>
    public const string ChallengeParameter = "sa_challenge";

    /// <summary>The STS API version the presigned request names.</summary>
    public const string StsVersion = "2011-06-15";

    /// <summary>Gets how long STS accepts a presigned <c>GetCallerIdentity</c> after its <c>X-Amz-Date</c>: 15 minutes.</summary>
    public static TimeSpan StsValidity { get; } = TimeSpan.FromMinutes(15);
}
