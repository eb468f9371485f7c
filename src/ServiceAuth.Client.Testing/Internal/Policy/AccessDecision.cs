namespace ServiceAuth.Client.Testing.Internal.Policy;

/// <summary>The outcome of <see cref="PolicyEvaluator.Evaluate"/>, with the explanation test authors read.</summary>
internal sealed class AccessDecision
{
    public AccessDecision(DenialKind denial, string explanation)
    {
        Denial = denial;
        Explanation = explanation;
    }

    public bool IsAllowed => Denial == DenialKind.None;

    public DenialKind Denial { get; }

    /// <summary>Gets which statement denied, or that none allowed and why each candidate did not apply.</summary>
    public string Explanation { get; }

    public bool IsExplicitDeny => Denial is DenialKind.ExplicitDenyInIdentityPolicy or DenialKind.ExplicitDenyInSessionPolicy or DenialKind.ExplicitDenyInResourcePolicy;

    /// <summary>The end AWS's enhanced access-denied messages add after the resource (SNS, EventBridge).</summary>
    public string MessageSuffix(string action) => Denial switch
    {
        DenialKind.ExplicitDenyInIdentityPolicy => " with an explicit deny in an identity-based policy",
        DenialKind.ExplicitDenyInSessionPolicy => " with an explicit deny in a session policy",
        DenialKind.ExplicitDenyInResourcePolicy => " with an explicit deny in a resource-based policy",
        DenialKind.NoIdentityPolicyAllows => $" because no identity-based policy allows the {action} action",
        DenialKind.NoSessionPolicyAllows => $" because no session policy allows the {action} action",
        DenialKind.NoResourcePolicyAllows => $" because no resource-based policy allows the {action} action",
        _ => string.Empty,
    };

    public override string ToString() => Explanation;
}
