using ServiceAuth.Client.Testing.Internal.Identity;

namespace ServiceAuth.Client.Testing.Internal.Policy;

/// <summary>Runs <see cref="PolicyEvaluator"/> for an authenticated caller of the endpoint: its identity-based and session
/// policies, the resource's policy and the request context.</summary>
internal static class AccessCheck
{
    public static AccessDecision Evaluate(
        EndpointState state, KeyRecord caller, WireRequest? request, string action, string resource, string resourceAccount,
        PolicyDocument? resourcePolicy, IEnumerable<KeyValuePair<string, string>>? extraContext = null) =>
        PolicyEvaluator.Evaluate(new AccessRequest
        {
            Principal = new PolicyPrincipal(caller.PrincipalArn, caller.CallerArn, caller.AccountId),
            Action = action,
            Resource = resource,
            ResourceAccount = resourceAccount,
            Context = RequestContextBuilder.Build(state, caller, request, extraContext),
            IdentityPolicies = state.Policies.Identity.GetValueOrDefault(caller.PrincipalArn),
            SessionPolicies = caller.SessionPolicies,
            ResourcePolicy = resourcePolicy,
        });

    /// <summary>The account of an ARN (its fifth part), or <see langword="null"/>.</summary>
    public static string? AccountOf(string arn) => arn.Split(':') is { Length: >= 6 } parts ? parts[4] : null;
}
