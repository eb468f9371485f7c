using ServiceAuth.Client.Testing.Internal.Api;
using ServiceAuth.Client.Testing.Internal.Policy;

namespace ServiceAuth.Client.Testing;

/// <summary>The policy side of the endpoint: identity-based, managed and resource-based policies, organizations, caller
/// contexts, and why the last request was denied (docs/testing.md, "How access is decided").</summary>
public sealed partial class LocalAwsEndpoint
{
    /// <summary>Gets the explanation of the most recent denial (see <see cref="RecordedRequest.Denial"/>), or
    /// <see langword="null"/> when no request was denied by a policy.</summary>
    public string? LastDenial => _state.Log.LastOrDefault(r => r.Denial is not null)?.Denial;

    /// <summary>Sets the identity-based policies of a user or role (its sessions included), replacing earlier ones. A
    /// principal without identity-based policies is judged by the resource-based policy alone (the endpoint's default);
    /// once set, AWS's rules apply: across accounts the caller's own policy must allow the action too.</summary>
    /// <param name="principalArn">The user ARN or role ARN.</param>
    /// <param name="policyDocuments">IAM JSON policy documents without <c>Principal</c>; none leaves the principal with no permissions.</param>
    public void SetIdentityPolicies(string principalArn, params string[] policyDocuments)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(principalArn);
        ArgumentNullException.ThrowIfNull(policyDocuments);
        PolicyDocument[] parsed = [.. policyDocuments.Select((d, i) => PolicyDocument.Parse(d, $"identity-based policy {i + 1} of {principalArn}"))];
        if (parsed.SelectMany(p => p.Statements).FirstOrDefault(s => s.Principals is not null || s.NotPrincipals is not null) is { } wrong)
        {
            throw new ArgumentException($"Statement {wrong.Name}: an identity-based policy has no Principal or NotPrincipal element.", nameof(policyDocuments));
        }

        _state.Policies.Identity[principalArn] = parsed;
    }

    /// <summary>Adds a customer managed policy that AssumeRole calls can pass as a session policy (<c>PolicyArns</c>).</summary>
    /// <param name="policyArn">The policy ARN, <c>arn:aws:iam::&lt;account&gt;:policy/&lt;name&gt;</c>.</param>
    /// <param name="policyDocument">The IAM JSON policy document.</param>
    public void AddManagedPolicy(string policyArn, string policyDocument)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(policyArn);
        _state.Policies.Managed[policyArn] = PolicyDocument.Parse(policyDocument, $"the managed policy {policyArn}");
    }

    /// <summary>Sets a resource-based policy, in addition to the principals the resource was added with: a topic policy,
    /// an event bus policy, a role's trust policy, or the API's resource policy (any <c>arn:aws:execute-api:…</c> ARN;
    /// route ARNs are <c>arn:aws:execute-api:&lt;region&gt;:&lt;account&gt;:local/test/&lt;METHOD&gt;/&lt;path&gt;</c>).</summary>
    /// <param name="resourceArn">The ARN of a topic, bus or role added before, or an execute-api ARN.</param>
    /// <param name="policyDocument">The IAM JSON policy document; each statement needs <c>Principal</c> or <c>NotPrincipal</c>.</param>
    public void SetResourcePolicy(string resourceArn, string policyDocument)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(resourceArn);
        bool api = resourceArn.StartsWith("arn:aws:execute-api:", StringComparison.Ordinal);
        if (!api && !_state.Topics.ContainsKey(resourceArn) && !_state.EventBuses.ContainsKey(resourceArn) && !_state.Roles.ContainsKey(resourceArn))
        {
            throw new ArgumentException($"'{resourceArn}' is not a topic, event bus or role of this endpoint, nor an execute-api ARN; add the resource first.", nameof(resourceArn));
        }

        PolicyDocument parsed = PolicyDocument.Parse(policyDocument, $"the resource-based policy of {resourceArn}");
        if (parsed.Statements.FirstOrDefault(s => s.Principals is null && s.NotPrincipals is null) is { } wrong)
        {
            throw new ArgumentException($"Statement {wrong.Name}: a resource-based policy statement needs Principal or NotPrincipal.", nameof(policyDocument));
        }

        _state.Policies.Resource[api ? PolicyStore.ApiKey : resourceArn] = parsed;
    }

    /// <summary>Puts an account in an organization, for <c>aws:PrincipalOrgID</c>.</summary>
    /// <param name="accountId">The 12-digit account id.</param>
    /// <param name="organizationId">The organization id, <c>o-…</c>.</param>
    public void SetOrganization(string accountId, string organizationId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        ArgumentException.ThrowIfNullOrWhiteSpace(organizationId);
        _state.Policies.Organizations[accountId] = organizationId;
    }

    /// <summary>Sets where a caller's requests come from (source IP, VPC, VPC endpoint) and its principal tags, for
    /// policy conditions.</summary>
    /// <param name="principalArn">A user ARN, a role ARN (all its sessions) or an assumed-role session ARN.</param>
    /// <param name="configure">Sets the context; starts from the defaults each time.</param>
    public void SetCallerContext(string principalArn, Action<LocalCallerContext> configure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(principalArn);
        ArgumentNullException.ThrowIfNull(configure);
        var context = new LocalCallerContext();
        configure(context);
        _state.Policies.Callers[principalArn] = context;
    }

    /// <summary>Adds an API Gateway usage plan; create its API keys with <see cref="LocalUsagePlan.AddApiKey"/>.</summary>
    /// <param name="configure">Sets the plan's rate, burst and quota; <see langword="null"/> for the defaults.</param>
    /// <returns>The plan.</returns>
    public LocalUsagePlan AddUsagePlan(Action<LocalUsagePlan>? configure = null)
    {
        var plan = new LocalUsagePlan(_state.Options.TimeProvider);
        configure?.Invoke(plan);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(plan.RateLimit);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(plan.BurstLimit);
        _state.Routes.UsagePlans.Enqueue(plan);
        return plan;
    }

    /// <summary>Makes the API routes added with this method and path template require an API key of a usage plan in the
    /// <c>x-api-key</c> header, checked after IAM authorization as API Gateway does.</summary>
    /// <param name="method">The route's method, as it was added.</param>
    /// <param name="pathTemplate">The route's path template, as it was added.</param>
    public void RequireApiKey(string method, string pathTemplate)
    {
        ApiRoute[] routes = [.. _state.Routes.All.Where(r => string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase) && r.Template == pathTemplate)];
        if (routes.Length == 0)
        {
            throw new ArgumentException($"No API route '{method} {pathTemplate}' was added; add it with AddApi first.", nameof(pathTemplate));
        }

        foreach (ApiRoute route in routes)
        {
            route.RequiresApiKey = true;
        }
    }
}
