using System.Collections.Concurrent;

namespace ServiceAuth.Client.Testing.Internal.Policy;

/// <summary>The policies and caller settings tests give the endpoint: identity-based policies by user or role ARN,
/// managed policies (for <c>PolicyArns</c>), resource-based policies by resource ARN, organizations and caller contexts.</summary>
internal sealed class PolicyStore
{
    /// <summary>The key under which the resource-based policy of the endpoint's API is kept.</summary>
    public const string ApiKey = "execute-api";

    public ConcurrentDictionary<string, IReadOnlyList<PolicyDocument>> Identity { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, PolicyDocument> Managed { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, PolicyDocument> Resource { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, string> Organizations { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, LocalCallerContext> Callers { get; } = new(StringComparer.Ordinal);

    /// <summary>The resource-based policy: the statement made of the principals a resource was created with (its allow
    /// list) and the policy set with <c>SetResourcePolicy</c>, if any.</summary>
    public PolicyDocument? ResourcePolicy(string key, string name, IReadOnlyList<string> allowed, string action, IReadOnlyList<PolicyCondition>? conditions = null)
    {
        List<PolicyStatement> statements = [];
        if (allowed.Count > 0)
        {
            statements.Add(new PolicyStatement
            {
                Name = "'AllowList'",
                IsAllow = true,
                Principals = allowed,
                Actions = [action],
                Conditions = conditions ?? [],
            });
        }

        if (Resource.TryGetValue(key, out PolicyDocument? set))
        {
            statements.AddRange(set.Statements);
        }

        return new PolicyDocument(name, statements);
    }
}
