using System.Text;

namespace ServiceAuth.Client.Testing.Internal.Policy;

/// <summary>
/// AWS's policy evaluation logic for one request (IAM User Guide, "Policy evaluation logic" and its pages): an explicit
/// <c>Deny</c> in any policy wins; within one account the identity-based or the resource-based policy may allow;
/// across accounts both must; session policies limit an assumed-role session unless the resource-based policy names the
/// session itself; a resource-based policy that names only the account delegates to the account's identity-based policies.
/// A caller without identity-based policies is judged by the resource-based policy alone (docs/testing.md).
/// </summary>
internal static class PolicyEvaluator
{
    public static AccessDecision Evaluate(AccessRequest request)
    {
        var identity = PolicySetResult.Of(request.IdentityPolicies, request, resourcePolicy: false);
        var session = PolicySetResult.Of(request.SessionPolicies, request, resourcePolicy: false);
        var resource = PolicySetResult.Of(request.ResourcePolicy is null ? null : [request.ResourcePolicy], request, resourcePolicy: true);
        var text = new StringBuilder()
            .Append(request.Principal.CallerArn).Append(" -> ").Append(request.Action).Append(" on ").Append(request.Resource)
            .Append(request.IsCrossAccount ? $" (cross-account: caller account {request.Principal.AccountId}, resource account {request.ResourceAccount})" : " (same account)")
            .Append(": ");

        DenialKind? deny = identity.Deny is not null ? DenialKind.ExplicitDenyInIdentityPolicy
            : session.Deny is not null ? DenialKind.ExplicitDenyInSessionPolicy
            : resource.Deny is not null ? DenialKind.ExplicitDenyInResourcePolicy : null;
        if (deny is { } explicitDeny)
        {
            string by = (identity.Deny ?? session.Deny ?? resource.Deny)!;
            return new AccessDecision(explicitDeny, text.Append("DENIED, explicitly by ").Append(by).Append('.').ToString());
        }

        PrincipalMatch named = resource.BestAllowMatch;
        bool identityAllows = request.IdentityPolicies is null
            ? (request.ResourcePolicy is null ? !request.IsCrossAccount : named != PrincipalMatch.None)
            : identity.Allow is not null;
        bool sessionAllows = request.SessionPolicies is null || session.Allow is not null;
        DenialKind denial = Decide(request, named, identityAllows, sessionAllows);
        text.Append(denial == DenialKind.None ? "ALLOWED" : "DENIED").Append(". ").Append(Reason(request, denial, named)).Append('.');
        text.Append(" Identity-based policies: ").Append(request.IdentityPolicies is null ? "none set (the resource-based policy alone decides)" : identity.Summary).Append('.');
        if (request.SessionPolicies is not null)
        {
            text.Append(" Session policies: ").Append(session.Summary).Append('.');
        }

        text.Append(" Resource-based policy: ").Append(request.ResourcePolicy is null ? "none" : resource.Summary).Append('.');
        return new AccessDecision(denial, text.ToString());
    }

    private static DenialKind Decide(AccessRequest request, PrincipalMatch named, bool identityAllows, bool sessionAllows)
    {
        if (!request.IsCrossAccount)
        {
            // The user or the session named by the resource-based policy needs nothing else; its role or everyone still
            // answers to the session policies; the account (or nobody) leaves the decision to the identity-based policies.
            if (named == PrincipalMatch.Caller)
            {
                return DenialKind.None;
            }

            if (named is PrincipalMatch.Role or PrincipalMatch.Anyone)
            {
                return sessionAllows ? DenialKind.None : DenialKind.NoSessionPolicyAllows;
            }

            return !identityAllows ? (request.IdentityPolicies is null ? DenialKind.NoResourcePolicyAllows : DenialKind.NoIdentityPolicyAllows)
                : sessionAllows ? DenialKind.None : DenialKind.NoSessionPolicyAllows;
        }

        return !identityAllows ? (request.IdentityPolicies is null ? DenialKind.NoResourcePolicyAllows : DenialKind.NoIdentityPolicyAllows)
            : !sessionAllows ? DenialKind.NoSessionPolicyAllows
            : named == PrincipalMatch.None ? DenialKind.NoResourcePolicyAllows : DenialKind.None;
    }

    private static string Reason(AccessRequest request, DenialKind denial, PrincipalMatch named) => denial switch
    {
        DenialKind.None when named == PrincipalMatch.Caller && !request.IsCrossAccount => "The resource-based policy names the caller itself",
        DenialKind.None => request.IsCrossAccount ? "The caller's identity-based policy and the resource-based policy both allow" : "A policy of the account allows",
        DenialKind.NoIdentityPolicyAllows => request.IsCrossAccount
            ? "A cross-account request needs the caller's identity-based policy to allow it too, and none does"
            : "No identity-based policy allows it and the resource-based policy does not grant it to the caller",
        DenialKind.NoSessionPolicyAllows => "The session's policies do not allow it (they limit what the role's policies grant)",
        _ => request.IsCrossAccount ? "A cross-account request needs the resource-based policy to allow it, and it does not" : "No policy allows it",
    };
}
