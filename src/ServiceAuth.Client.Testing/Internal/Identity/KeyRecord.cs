namespace ServiceAuth.Client.Testing.Internal.Identity;

/// <summary>An access key the endpoint knows: long-term (a user) or temporary (an assumed-role session).</summary>
internal sealed class KeyRecord
{
    private volatile bool _forcedExpired;

    public required string AccessKeyId { get; init; }

    public required string SecretAccessKey { get; init; }

    /// <summary>Gets the session token of temporary credentials; <see langword="null"/> for a user's key.</summary>
    public string? SessionToken { get; init; }

    public DateTimeOffset? Expiration { get; init; }

    /// <summary>Gets the identity policies name: the user ARN, or the role ARN for a session.</summary>
    public required string PrincipalArn { get; init; }

    /// <summary>Gets the caller ARN AWS reports: the user ARN, or <c>arn:aws:sts::acct:assumed-role/role/session</c>.</summary>
    public required string CallerArn { get; init; }

    public required string AccountId { get; init; }

    /// <summary>Gets the unique id GetCallerIdentity reports: <c>AIDA…</c> for a user, <c>AROA…:session</c> for a session.</summary>
    public required string UserId { get; init; }

    /// <summary>Gets the session policies (<c>Policy</c>, <c>PolicyArns</c>) an assumed-role session was issued with, or
    /// <see langword="null"/> when it has none.</summary>
    public IReadOnlyList<Policy.PolicyDocument>? SessionPolicies { get; init; }

    public bool IsTemporary => SessionToken is not null;

    public void ForceExpire() => _forcedExpired = true;

    public bool IsExpired(DateTimeOffset now) => _forcedExpired || (Expiration is { } expiration && now >= expiration);
}
