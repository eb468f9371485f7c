using System.Globalization;

namespace ServiceAuth.Client.Testing.Internal.Policy;

/// <summary>Reads the session policies of an AssumeRole call: the inline <c>Policy</c> and the managed
/// <c>PolicyArns.member.N.arn</c> (looked up among the endpoint's managed policies).</summary>
internal static class SessionPolicyReader
{
    public static (IReadOnlyList<PolicyDocument>? Policies, string? Malformed) Read(EndpointState state, Dictionary<string, string> form)
    {
        var policies = new List<PolicyDocument>();
        if (form.TryGetValue("Policy", out string? inline))
        {
            try
            {
                policies.Add(PolicyDocument.Parse(inline, "the inline session policy (Policy)"));
            }
            catch (ArgumentException)
            {
                return (null, "The policy is not in the valid JSON format.");
            }
        }

        for (int n = 1; form.TryGetValue(string.Create(CultureInfo.InvariantCulture, $"PolicyArns.member.{n}.arn"), out string? arn); n++)
        {
            policies.Add(state.Policies.Managed.TryGetValue(arn, out PolicyDocument? managed)
                ? new PolicyDocument($"the managed session policy {arn}", managed.Statements)
                : new PolicyDocument($"the managed session policy {arn} (unknown to the endpoint: add it with AddManagedPolicy)", []));
        }

        return (policies.Count == 0 ? null : policies, null);
    }
}
