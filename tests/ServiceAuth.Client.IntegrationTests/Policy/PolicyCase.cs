using ServiceAuth.Client.Testing.Internal.Policy;

namespace ServiceAuth.Client.IntegrationTests.Policy;

/// <summary>One worked example of AWS's policy evaluation documentation: the caller, the request, the policies, and the
/// outcome the page states. <see cref="Identity"/> <see langword="null"/> means no identity-based policy was set.</summary>
internal sealed record PolicyCase(
    string Page,
    string Caller,
    string Action,
    string Resource,
    string[]? Identity,
    string? ResourcePolicy,
    DenialKind Expected,
    string[]? Session = null,
    string? ResourceAccount = null,
    (string Key, string Value)[]? Context = null)
{
    public AccessRequest ToRequest()
    {
        string account = Caller.Split(':')[4];
        string principalArn = Caller.Contains(":assumed-role/", StringComparison.Ordinal)
            ? $"arn:aws:iam::{account}:role/{Caller.Split('/')[1]}"
            : Caller;
        var context = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase)
        {
            ["aws:PrincipalArn"] = [principalArn],
            ["aws:PrincipalAccount"] = [account],
        };
        foreach (IGrouping<string, (string Key, string Value)> key in (Context ?? []).GroupBy(c => c.Key))
        {
            context[key.Key] = [.. key.Select(c => c.Value)];
        }

        return new AccessRequest
        {
            Principal = new PolicyPrincipal(principalArn, Caller, account),
            Action = Action,
            Resource = Resource,
            ResourceAccount = ResourceAccount ?? account,
            Context = context,
            IdentityPolicies = Identity?.Select((p, i) => PolicyDocument.Parse(p, $"identity policy {i + 1}")).ToArray(),
            SessionPolicies = Session?.Select((p, i) => PolicyDocument.Parse(p, $"session policy {i + 1}")).ToArray(),
            ResourcePolicy = ResourcePolicy is null ? null : PolicyDocument.Parse(ResourcePolicy, "resource policy"),
        };
    }
}
