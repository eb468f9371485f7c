using Microsoft.AspNetCore.Authentication;

namespace ServiceAuth.Client.AspNetCore.IdentityTokens;

/// <summary>
/// Options of the IAM identity token authentication handler (docs/identity-tokens.md). Validated when the host starts.
/// </summary>
public sealed class IamIdentityTokenAuthenticationOptions : AuthenticationSchemeOptions
{
    /// <summary>Gets or sets this service's audience: tokens minted for another audience are refused. Required; 1 to 128
    /// characters of letters, digits and <c>.-_~:/</c>.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Audience { get; set; }

    /// <summary>Gets the AWS accounts whose principals can authenticate. Required: any AWS account in the world can mint a
    /// valid token for any audience, so a callee names the accounts it serves, and narrows further with
    /// <c>RequireAwsAccount</c>/<c>RequireAwsRole</c> policies.</summary>
    /// <value>The default value is empty, which fails validation at startup.</value>
    public IList<string> AllowedAccounts { get; } = [];

    /// <summary>Gets the AWS partitions whose regional STS endpoints tokens may name: <c>aws</c>, <c>aws-cn</c>,
    /// <c>aws-us-gov</c>.</summary>
    /// <value>The default value is <c>aws</c> only.</value>
    public IList<string> Partitions { get; } = ["aws"];

    /// <summary>Gets the regions whose STS endpoints (<c>sts.&lt;region&gt;.amazonaws.com</c>, <c>.com.cn</c> in China)
    /// tokens may name. Each must belong to one of <see cref="Partitions"/>.</summary>
    /// <value>The default value is empty: every built-in region of <see cref="Partitions"/> (docs/identity-tokens.md).</value>
    public IList<string> Regions { get; } = [];

    /// <summary>Gets or sets the longest token accepted, in characters, checked before anything is decoded.</summary>
    /// <value>The default value is 8,192.</value>
    public int MaxTokenLength { get; set; } = 8192;

    /// <summary>Gets or sets how far this service's clock may be from the caller's: a token is accepted from
    /// <c>X-Amz-Date</c> minus this skew to <c>X-Amz-Date</c> plus 15 minutes plus this skew. From zero to 5 minutes.</summary>
    /// <value>The default value is 1 minute.</value>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets or sets how long one STS call may take once it has a call slot; then the request is refused.</summary>
    /// <value>The default value is 5 seconds.</value>
    public TimeSpan StsTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets the largest STS answer read, in bytes; a larger one is refused.</summary>
    /// <value>The default value is 16,384.</value>
    public int MaxStsResponseBytes { get; set; } = 16384;

    /// <summary>Gets or sets how many STS calls may be in flight at once for this scheme. Half of them (rounded down) are
    /// kept for access-key ids that verified in the last 12 hours, so a flood of forged tokens cannot take them; more
    /// calls wait at most <see cref="StsSlotWait"/>.</summary>
    /// <value>The default value is 32.</value>
    public int MaxConcurrentStsCalls { get; set; } = 32;

    /// <summary>Gets or sets how many STS calls may be in flight at once for one access-key id (distinct tokens; requests
    /// with the same token share one call). From 1 to <see cref="MaxConcurrentStsCalls"/>.</summary>
    /// <value>The default value is 4.</value>
    public int MaxConcurrentStsCallsPerAccessKey { get; set; } = 4;

    /// <summary>Gets or sets how long a request waits for an STS call slot before it is refused (<c>StsTimeout</c>); far
    /// below <see cref="StsTimeout"/>, so a flood is refused quickly instead of queuing. From zero to 5 seconds.</summary>
    /// <value>The default value is 250 milliseconds.</value>
    public TimeSpan StsSlotWait { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Gets or sets how many verified tokens are remembered (keyed by signature, until the token's 15 minutes
    /// end), so a caller's reused token costs one STS call; 0 turns the cache off.</summary>
    /// <value>The default value is 10,000.</value>
    public int MaxCachedTokens { get; set; } = 10_000;

    /// <summary>Gets or sets a value indicating whether every token must be bound to a challenge this service issued
    /// (in its 401's <c>WWW-Authenticate: Bearer sa_challenge="…"</c>), used once. Callers using <c>AddIamIdentityToken</c>
    /// answer the challenge by themselves. Verified tokens are then not cached.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool RequireChallenge { get; set; }

    /// <summary>Gets or sets how long an issued challenge can be answered.</summary>
    /// <value>The default value is 2 minutes.</value>
    public TimeSpan ChallengeLifetime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Gets or sets the HMAC key (at least 32 bytes) challenges are issued with; give every instance of the
    /// service the same key when a challenge may come back to another instance.</summary>
    /// <value>The default value is <see langword="null"/>: a random key per process.</value>
    public byte[]? ChallengeKey { get; set; }
}
