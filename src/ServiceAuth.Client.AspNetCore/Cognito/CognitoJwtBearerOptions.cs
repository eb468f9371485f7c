namespace ServiceAuth.Client.AspNetCore.Cognito;

/// <summary>
/// Which Amazon Cognito user pool and app clients an API accepts tokens from. The issuer is
/// <c>https://cognito-idp.&lt;region&gt;.amazonaws.com/&lt;user pool id&gt;</c>; its keys come from the pool's JWKS,
/// cached and fetched again when a token names an unknown key (<c>kid</c>).
/// </summary>
public sealed class CognitoJwtBearerOptions
{
    /// <summary>Gets or sets the user pool id, for example <c>eu-west-1_AbCdEf123</c>.</summary>
    /// <value>The default value is <see langword="null"/>; required unless <see cref="Issuer"/> is set.</value>
    public string? UserPoolId { get; set; }

    /// <summary>Gets or sets the pool's region.</summary>
    /// <value>The default value is <see langword="null"/>: the region prefix of <see cref="UserPoolId"/>.</value>
    public string? Region { get; set; }

    /// <summary>Gets or sets the issuer explicitly, for example a <c>LocalAwsEndpoint</c> pool's issuer in tests.</summary>
    /// <value>The default value is <see langword="null"/>: <c>https://cognito-idp.&lt;region&gt;.amazonaws.com/&lt;user pool id&gt;</c>.</value>
    public Uri? Issuer { get; set; }

    /// <summary>Gets the accepted app client ids: matched on <c>client_id</c> (access tokens) or <c>aud</c> (ID tokens).</summary>
    /// <value>The default value is an empty list; at least one is required.</value>
    public IList<string> AppClientIds { get; } = [];

    /// <summary>Gets or sets which tokens are accepted.</summary>
    /// <value>The default value is <see cref="CognitoTokenUse.Access"/>.</value>
    public CognitoTokenUse TokenUse { get; set; } = CognitoTokenUse.Access;

    /// <summary>Gets or sets the clock skew allowed on <c>exp</c>, <c>nbf</c> and <c>iat</c>, between 0 and 5 minutes.</summary>
    /// <value>The default value is 1 minute.</value>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets or sets how long the pool's keys are cached before they are fetched again (a token with an unknown
    /// <c>kid</c> fetches them at once, at most every 5 minutes).</summary>
    /// <value>The default value is 12 hours.</value>
    public TimeSpan KeyRefreshInterval { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Gets or sets a value indicating whether the discovery document and keys must come over https (loopback
    /// issuers are always allowed over http).</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Returns the issuer and the app clients.</summary>
    /// <returns>A description for logs.</returns>
    public override string ToString() => $"Cognito {TokenUse} tokens of {Issuer?.ToString() ?? UserPoolId} for app clients '{string.Join(", ", AppClientIds)}'";
}
