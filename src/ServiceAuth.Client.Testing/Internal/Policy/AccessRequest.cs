namespace ServiceAuth.Client.Testing.Internal.Policy;

/// <summary>What <see cref="PolicyEvaluator"/> decides on: who asks for which action on which resource, in which request
/// context, and the policies that apply.</summary>
internal sealed class AccessRequest
{
    public required PolicyPrincipal Principal { get; init; }

    public required string Action { get; init; }

    public required string Resource { get; init; }

    public required string ResourceAccount { get; init; }

    /// <summary>Gets the request context keys (case-insensitive names); a key that is absent is not in the request.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Context { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the caller's identity-based policies, or <see langword="null"/> when none were set: the endpoint's
    /// documented default, under which the resource-based policy alone decides.</summary>
    public IReadOnlyList<PolicyDocument>? IdentityPolicies { get; init; }

    /// <summary>Gets the session policies of an assumed-role session, or <see langword="null"/> when it has none.</summary>
    public IReadOnlyList<PolicyDocument>? SessionPolicies { get; init; }

    /// <summary>Gets the resource-based policy (a trust policy for <c>sts:AssumeRole</c>), or <see langword="null"/> when
    /// the resource has none.</summary>
    public PolicyDocument? ResourcePolicy { get; init; }

    public bool IsCrossAccount => Principal.AccountId != ResourceAccount;
}
