using ServiceAuth.Client.Testing.Internal.Policy;

namespace ServiceAuth.Client.IntegrationTests.Policy;

/// <summary>NotPrincipal and session-policy examples.</summary>
internal static partial class PolicyCorpus
{
    private const string Bucket = "arn:aws:s3:::amzn-s3-demo-bucket/*";
    private const string Object = "arn:aws:s3:::amzn-s3-demo-bucket/file";
    private const string AuditSession = "arn:aws:sts::444455556666:assumed-role/cross-account-read-only-role/cross-account-audit-app";
    private const string Role = "arn:aws:iam::123456789012:role/app";
    private const string RoleSession = "arn:aws:sts::123456789012:assumed-role/app/s1";

    // The NotPrincipal page's examples: everyone but the named principal is denied; the allow comes from the same policy.
    private static string DenyAllBut(string notPrincipals) =>
        $$"""
        {"Version":"2012-10-17","Statement":[
          {"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"{{Bucket}}"},
          {"Effect":"Deny","NotPrincipal":{"AWS":[{{notPrincipals}}]},"Action":"s3:*","Resource":"{{Bucket}}"}]}
        """;

    private static string[] RoleAllowsS3 => [Statement("Allow", "s3:*", "*")];

    private static string[] GetObjectOnly => [Statement("Allow", "s3:GetObject", "*")];

    private static IEnumerable<KeyValuePair<string, PolicyCase>> Principals() => new Dictionary<string, PolicyCase>
    {
        ["NotPrincipal: the user named with its account is exempt from the deny"] =
            new(NotPrincipalPage, "arn:aws:iam::444455556666:user/Bob", "s3:GetObject", Object, null,
                DenyAllBut("\"arn:aws:iam::444455556666:user/Bob\",\"arn:aws:iam::444455556666:root\""), Allowed, ResourceAccount: "444455556666"),
        ["NotPrincipal: the user named without its account is still denied (the account is checked first)"] =
            new(NotPrincipalPage, "arn:aws:iam::444455556666:user/Bob", "s3:GetObject", Object, null,
                DenyAllBut("\"arn:aws:iam::444455556666:user/Bob\""), DenialKind.ExplicitDenyInResourcePolicy, ResourceAccount: "444455556666"),
        ["NotPrincipal: the assumed-role session named with its account is exempt"] =
            new(NotPrincipalPage, AuditSession, "s3:GetObject", Object, null,
                DenyAllBut($"\"{AuditSession}\",\"arn:aws:iam::444455556666:root\""), Allowed, ResourceAccount: "444455556666"),
        ["NotPrincipal: the role and its account exempt every session of the role"] =
            new(NotPrincipalPage, AuditSession, "s3:GetObject", Object, null,
                DenyAllBut("\"arn:aws:iam::444455556666:role/cross-account-read-only-role\",\"arn:aws:iam::444455556666:root\""), Allowed, ResourceAccount: "444455556666"),
        ["NotPrincipal: any other principal is denied"] =
            new(NotPrincipalPage, "arn:aws:iam::444455556666:user/Alice", "s3:GetObject", Object, null,
                DenyAllBut("\"arn:aws:iam::444455556666:user/Bob\",\"arn:aws:iam::444455556666:root\""), DenialKind.ExplicitDenyInResourcePolicy, ResourceAccount: "444455556666"),
        ["session policy: the session gets the intersection of the role's policy and the session policy (allowed)"] =
            new(SessionPolicies, RoleSession, "s3:GetObject", Object, RoleAllowsS3, null, Allowed, Session: GetObjectOnly),
        ["session policy: an action the role allows but the session policy does not is denied"] =
            new(SessionPolicies, RoleSession, "s3:PutObject", Object, RoleAllowsS3, null, DenialKind.NoSessionPolicyAllows, Session: GetObjectOnly),
        ["session policy: it cannot grant more than the role's identity policy"] =
            new(SessionPolicies, RoleSession, "s3:PutObject", Object, GetObjectOnly, null, DenialKind.NoIdentityPolicyAllows, Session: RoleAllowsS3),
        ["session policy: a resource policy naming the session ARN is not limited by the session policy"] =
            new(SessionPolicies, RoleSession, "s3:PutObject", Object, GetObjectOnly,
                ResourceStatement("Allow", $$"""{"AWS":"{{RoleSession}}"}""", "s3:PutObject", Bucket), Allowed, Session: GetObjectOnly),
        ["session policy: a resource policy naming the role ARN is limited by the session policy"] =
            new(SessionPolicies, RoleSession, "s3:PutObject", Object, GetObjectOnly,
                ResourceStatement("Allow", $$"""{"AWS":"{{Role}}"}""", "s3:PutObject", Bucket), DenialKind.NoSessionPolicyAllows, Session: GetObjectOnly),
        ["session policy: an explicit deny in a session policy wins"] =
            new(SessionPolicies, RoleSession, "s3:GetObject", Object, RoleAllowsS3, null, DenialKind.ExplicitDenyInSessionPolicy,
                Session: [Statement("Deny", "s3:GetObject", "*")]),
    };
}
