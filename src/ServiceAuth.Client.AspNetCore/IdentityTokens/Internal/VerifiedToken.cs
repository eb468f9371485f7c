using ServiceAuth.Client.IdentityTokens;

namespace ServiceAuth.Client.AspNetCore.IdentityTokens.Internal;

/// <summary>
/// What the checks and STS established for one token, kept so that a cache hit re-checks only what time or the options
/// can change (the window of <see cref="SignedAt"/>, the audience, the challenge requirement, the allowed accounts) and
/// hands out a copy of the claims built once.
/// </summary>
internal sealed class VerifiedToken(CallerIdentity caller, DateTimeOffset signedAt, string audience, string scheme, string issuer)
{
    public CallerIdentity Caller { get; } = caller;

    public DateTimeOffset SignedAt { get; } = signedAt;

    public DateTimeOffset ExpiresAt { get; } = signedAt + IamIdentityTokenFormat.StsValidity;

    public string Audience { get; } = audience;

    public string Issuer { get; } = issuer;

    /// <summary>Gets the claims, built once for <see cref="Issuer"/>; hand out <c>Clone()</c>s only.</summary>
    public IamIdentityTokenIdentity Claims { get; } = caller.ToClaimsIdentity(scheme, issuer);
}
