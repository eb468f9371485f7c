namespace ServiceAuth.Client.Testing.Internal.Policy;

/// <summary>What a set of policies (identity, session or resource) says about a request: the first applying Deny and
/// Allow, the strongest principal match among applying Allows, and why the other statements did not apply.</summary>
internal sealed class PolicySetResult
{
    private readonly List<string> _notApplying = [];

    public string? Deny { get; private set; }

    public string? Allow { get; private set; }

    public PrincipalMatch BestAllowMatch { get; private set; }

    public string Summary => Allow is not null ? $"allowed by {Allow}"
        : _notApplying.Count == 0 ? "no statement"
        : "no statement allows (" + string.Join("; ", _notApplying) + ")";

    public static PolicySetResult Of(IReadOnlyList<PolicyDocument>? policies, AccessRequest request, bool resourcePolicy)
    {
        var result = new PolicySetResult();
        foreach (PolicyDocument policy in policies ?? [])
        {
            foreach (PolicyStatement statement in policy.Statements)
            {
                (bool applies, PrincipalMatch match, string? reason) = StatementEvaluator.Evaluate(statement, request, resourcePolicy);
                string name = $"statement {statement.Name} of {policy.Name}";
                if (!applies)
                {
                    result._notApplying.Add(statement.IsAllow ? $"{name}: {reason}" : $"Deny {name}: {reason}");
                }
                else if (!statement.IsAllow)
                {
                    result.Deny ??= name;
                }
                else
                {
                    result.Allow ??= name;
                    result.BestAllowMatch = (PrincipalMatch)Math.Max((int)result.BestAllowMatch, (int)match);
                }
            }
        }

        return result;
    }
}
