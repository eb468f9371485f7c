namespace ServiceAuth.Client.IdentityTokens;

/// <summary>A minted IAM identity token. <see cref="ToString"/> never shows <see cref="Value"/>.</summary>
public sealed class IamIdentityToken
{
    /// <summary>Initializes a new instance of the <see cref="IamIdentityToken"/> class.</summary>
    /// <param name="value">The token, <c>sa-iam-v1.…</c>.</param>
    /// <param name="audience">The callee it is bound to.</param>
    /// <param name="mintedAt">The signing time (<c>X-Amz-Date</c>).</param>
    public IamIdentityToken(string value, string audience, DateTimeOffset mintedAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        ArgumentException.ThrowIfNullOrEmpty(audience);
        Value = value;
        Audience = audience;
        MintedAt = mintedAt;
    }

    /// <summary>Gets the token to send as <c>Authorization: Bearer &lt;Value&gt;</c>. A bearer secret until it expires: never log it.</summary>
    public string Value { get; }

    /// <summary>Gets the audience (the callee) the token is bound to.</summary>
    public string Audience { get; }

    /// <summary>Gets the signing time of the presigned request.</summary>
    public DateTimeOffset MintedAt { get; }

    /// <summary>Gets the time after which STS refuses the token: <see cref="MintedAt"/> plus 15 minutes.</summary>
    public DateTimeOffset ExpiresAt => MintedAt + IamIdentityTokenFormat.StsValidity;

    /// <inheritdoc />
    public override string ToString() => $"IamIdentityToken {{ Audience = {Audience}, MintedAt = {MintedAt:O}, Value = *** }}";
}
