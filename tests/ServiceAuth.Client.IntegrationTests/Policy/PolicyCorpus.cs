using ServiceAuth.Client.Testing.Internal.Policy;

namespace ServiceAuth.Client.IntegrationTests.Policy;

/// <summary>
/// The evaluation corpus: the worked examples of the IAM User Guide's policy evaluation pages (and API Gateway's), each
/// case named after its example and citing its page. The cases live in the partial files by page.
/// </summary>
internal static partial class PolicyCorpus
{
    public const string SingleAccount = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-basics.html";
    public const string CrossAccount = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html";
    public const string DenyAllow = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html";
    public const string PrincipalPage = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html";
    public const string NotPrincipalPage = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html";
    public const string NotActionPage = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html";
    public const string NotResourcePage = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notresource.html";
    public const string SessionPolicies = "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session";
    public const string ConditionOperators = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html";
    public const string MultiValued = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html";
    public const string GlobalKeys = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html";
    public const string ApiGatewayFlow = "https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-authorization-flow.html";
    public const string ApiGatewayExamples = "https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-resource-policies-examples.html";

    public const DenialKind Allowed = DenialKind.None;

    // A property, not a field: the examples' shared policies are in the other partial files, initialized after this one.
    public static Dictionary<string, PolicyCase> Cases => new[] { Evaluation(), Principals(), Conditions() }
        .SelectMany(c => c)
        .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    public static TheoryData<string> Names() => [.. Cases.Keys];

    /// <summary>An identity-based policy with one Allow (or Deny) statement.</summary>
    public static string Statement(string effect, string action, string resource, string? condition = null) =>
        "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"" + effect + "\",\"Action\":" + Json(action) + ",\"Resource\":" + Json(resource) + Condition(condition) + "}}";

    /// <summary>A resource-based policy with one statement for the principals.</summary>
    public static string ResourceStatement(string effect, string principal, string action, string resource, string? condition = null) =>
        "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"" + effect + "\",\"Principal\":" + principal + ",\"Action\":" + Json(action) + ",\"Resource\":" + Json(resource) + Condition(condition) + "}}";

    private static string Condition(string? condition) => condition is null ? string.Empty : ",\"Condition\":" + condition;

    private static string Json(string list) => list.StartsWith('[') ? list : $"\"{list}\"";
}
