namespace ServiceAuth.Client.AspNetCore.IdentityTokens;

/// <summary>Why an IAM identity token was refused; logged with event id 820 or 821 and carried by
/// <see cref="IamIdentityTokenException"/>. The caller only ever sees a plain 401.</summary>
public enum IamIdentityTokenFailureReason
{
    /// <summary>The token is not well formed: prefix, base64url, UTF-8, the URL's syntax or percent-encoding.</summary>
    Malformed,

    /// <summary>The token is longer than <see cref="IamIdentityTokenAuthenticationOptions.MaxTokenLength"/>.</summary>
    TooLarge,

    /// <summary>The token was minted for another audience.</summary>
    AudienceMismatch,

    /// <summary>Challenge binding is required and the token carries no challenge.</summary>
    ChallengeRequired,

    /// <summary>The challenge was not issued by this service, is too old, or was used already.</summary>
    ChallengeInvalid,

    /// <summary>The token carries a challenge but challenge binding is off.</summary>
    UnexpectedChallenge,

    /// <summary>The URL's scheme is not <c>https</c>.</summary>
    InsecureScheme,

    /// <summary>The host is not one of the allowed regional STS endpoints (or has userinfo, a port, an IP literal or IDN).</summary>
    HostNotAllowed,

    /// <summary>The path is not <c>/</c>.</summary>
    PathNotAllowed,

    /// <summary>A query parameter is not on the allow-list (exact spelling).</summary>
    ParameterNotAllowed,

    /// <summary>A query parameter appears more than once, in any letter case.</summary>
    DuplicateParameter,

    /// <summary>A required query parameter is missing.</summary>
    MissingParameter,

    /// <summary><c>Action</c> is not <c>GetCallerIdentity</c>.</summary>
    ActionNotAllowed,

    /// <summary><c>Version</c> is not <c>2011-06-15</c>.</summary>
    VersionNotAllowed,

    /// <summary>A SigV4 parameter is invalid: algorithm, credential scope, date, expiry, signed headers or signature.</summary>
    InvalidSigningParameter,

    /// <summary>The audience header is not among <c>X-Amz-SignedHeaders</c>.</summary>
    AudienceNotSigned,

    /// <summary><c>X-Amz-Date</c> is more than 15 minutes (plus the allowed skew) in the past.</summary>
    Expired,

    /// <summary><c>X-Amz-Date</c> is further in the future than the allowed skew.</summary>
    NotYetValid,

    /// <summary>STS refused the request (a 4xx answer: bad signature, expired credentials, another audience).</summary>
    StsRejected,

    /// <summary>STS could not be reached or answered a server error or a redirect.</summary>
    StsFailed,

    /// <summary>STS did not answer within <see cref="IamIdentityTokenAuthenticationOptions.StsTimeout"/> (or no call slot freed up in time).</summary>
    StsTimeout,

    /// <summary>STS's answer is not the documented JSON (XML, too large, missing or inconsistent fields, unknown ARN form).</summary>
    StsResponseInvalid,

    /// <summary>STS confirmed the token, but the caller's account is not in
    /// <see cref="IamIdentityTokenAuthenticationOptions.AllowedAccounts"/>.</summary>
    AccountNotAllowed,
}
