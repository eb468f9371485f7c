using ServiceAuth.Client.Testing.Internal.Policy;

namespace ServiceAuth.Client.IntegrationTests.Policy;

/// <summary>Condition operator examples, on the keys service-to-service policies use.</summary>
internal static partial class PolicyCorpus
{
    private const string Ana = "arn:aws:iam::123456789012:user/ana";
    private const string Topic = "arn:aws:sns:us-east-1:123456789012:orders";

    private static PolicyCase When(string page, string condition, DenialKind expected, params (string, string)[] context) =>
        new(page, Ana, "sns:Publish", Topic, [Statement("Allow", "sns:Publish", "*", condition)], null, expected, Context: context);

    private static IEnumerable<KeyValuePair<string, PolicyCase>> Conditions() => new Dictionary<string, PolicyCase>
    {
        ["StringEquals on aws:PrincipalTag: the tag matches"] =
            When(ConditionOperators, """{"StringEquals":{"aws:PrincipalTag/job-category":"iamuser-admin"}}""", Allowed, ("aws:PrincipalTag/job-category", "iamuser-admin")),
        ["StringEquals on aws:PrincipalTag: another value does not"] =
            When(ConditionOperators, """{"StringEquals":{"aws:PrincipalTag/job-category":"iamuser-admin"}}""", DenialKind.NoIdentityPolicyAllows, ("aws:PrincipalTag/job-category", "dev")),
        ["StringEquals: a key absent from the request is false"] =
            When(ConditionOperators, """{"StringEquals":{"aws:PrincipalTag/job-category":"iamuser-admin"}}""", DenialKind.NoIdentityPolicyAllows),
        ["StringNotEquals: a key absent from the request is true"] =
            When(ConditionOperators, """{"StringNotEquals":{"aws:PrincipalTag/job-category":"iamuser-admin"}}""", Allowed),
        ["StringLike with wildcards"] =
            When(ConditionOperators, """{"StringLike":{"aws:PrincipalTag/team":"orders-*"}}""", Allowed, ("aws:PrincipalTag/team", "orders-eu")),
        ["several values of one key are OR-ed"] =
            When(ConditionOperators, """{"StringEquals":{"aws:SourceVpce":["vpce-1a2b3c4d","vpce-5e6f7a8b"]}}""", Allowed, ("aws:SourceVpce", "vpce-5e6f7a8b")),
        ["IpAddress: the source IP is in the CIDR"] =
            When(ConditionOperators, """{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}""", Allowed, ("aws:SourceIp", "203.0.113.7")),
        ["IpAddress: the source IP is outside the CIDR"] =
            When(ConditionOperators, """{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}""", DenialKind.NoIdentityPolicyAllows, ("aws:SourceIp", "198.51.100.7")),
        ["NotIpAddress in a Deny: a request from outside the ranges is denied"] =
            new(ApiGatewayExamples, Ana, "execute-api:Invoke", "arn:aws:execute-api:us-east-1:123456789012:a1b2c3/prod/GET/pets", null,
                """
                {"Version":"2012-10-17","Statement":[
                  {"Effect":"Allow","Principal":"*","Action":"execute-api:Invoke","Resource":"arn:aws:execute-api:us-east-1:123456789012:a1b2c3/*"},
                  {"Effect":"Deny","Principal":"*","Action":"execute-api:Invoke","Resource":"arn:aws:execute-api:us-east-1:123456789012:a1b2c3/*",
                   "Condition":{"NotIpAddress":{"aws:SourceIp":["192.0.2.0/24","198.51.100.0/24"]}}}]}
                """, DenialKind.ExplicitDenyInResourcePolicy, Context: [("aws:SourceIp", "203.0.113.7")]),
        ["StringNotEquals aws:SourceVpce in a Deny: the API's VPC endpoint example"] =
            new(ApiGatewayExamples, Ana, "execute-api:Invoke", "arn:aws:execute-api:us-east-1:123456789012:a1b2c3/prod/GET/pets", null,
                """
                {"Version":"2012-10-17","Statement":[
                  {"Effect":"Deny","Principal":"*","Action":"execute-api:Invoke","Resource":"execute-api:/*","Condition":{"StringNotEquals":{"aws:SourceVpce":"vpce-1a2b3c4d"}}},
                  {"Effect":"Allow","Principal":"*","Action":"execute-api:Invoke","Resource":"*"}]}
                """, DenialKind.ExplicitDenyInResourcePolicy, Context: [("aws:SourceVpce", "vpce-99999999")]),
        ["Bool aws:SecureTransport false in a Deny"] =
            new(ConditionOperators, Ana, "sns:Publish", Topic, [Statement("Allow", "sns:*", "*")],
                ResourceStatement("Deny", "\"*\"", "sns:Publish", Topic, """{"Bool":{"aws:SecureTransport":"false"}}"""),
                DenialKind.ExplicitDenyInResourcePolicy, Context: [("aws:SecureTransport", "false")]),
        ["Null: true when the key is absent"] =
            When(ConditionOperators, """{"Null":{"aws:SourceVpc":"true"}}""", Allowed),
        ["Null: false when the key is present"] =
            When(ConditionOperators, """{"Null":{"aws:SourceVpc":"true"}}""", DenialKind.NoIdentityPolicyAllows, ("aws:SourceVpc", "vpc-111bbb22")),
        ["...IfExists: an absent key passes"] =
            When(ConditionOperators, """{"StringEqualsIfExists":{"aws:SourceVpc":"vpc-111bbb22"}}""", Allowed),
        ["...IfExists: a present key must match"] =
            When(ConditionOperators, """{"StringEqualsIfExists":{"aws:SourceVpc":"vpc-111bbb22"}}""", DenialKind.NoIdentityPolicyAllows, ("aws:SourceVpc", "vpc-other")),
        ["ArnLike on aws:SourceArn"] =
            When(ConditionOperators, """{"ArnLike":{"aws:SourceArn":"arn:aws:s3:::amzn-s3-demo-*"}}""", Allowed, ("aws:SourceArn", "arn:aws:s3:::amzn-s3-demo-bucket")),
        ["ArnEquals on aws:PrincipalArn checks each ARN part"] =
            When(ConditionOperators, """{"ArnEquals":{"aws:PrincipalArn":"arn:aws:iam::*:user/ana"}}""", Allowed),
        ["ArnNotLike on aws:PrincipalArn: a matching principal fails"] =
            When(ConditionOperators, """{"ArnNotLike":{"aws:PrincipalArn":"arn:aws:iam::123456789012:user/*"}}""", DenialKind.NoIdentityPolicyAllows),
        ["StringEquals aws:PrincipalOrgID"] =
            When(GlobalKeys, """{"StringEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}""", Allowed, ("aws:PrincipalOrgID", "o-a1b2c3d4e5")),
        ["StringEquals aws:SourceAccount"] =
            When(GlobalKeys, """{"StringEquals":{"aws:SourceAccount":"111122223333"}}""", DenialKind.NoIdentityPolicyAllows, ("aws:SourceAccount", "444455556666")),
        ["StringEquals sts:ExternalId in a trust policy"] =
            new(ConditionOperators, "arn:aws:iam::111122223333:user/ana", "sts:AssumeRole", "arn:aws:iam::444455556666:role/Vendor", null,
                ResourceStatement("Allow", """{"AWS":"111122223333"}""", "sts:AssumeRole", "*", """{"StringEquals":{"sts:ExternalId":"Unique-1"}}"""),
                DenialKind.NoResourcePolicyAllows, ResourceAccount: "444455556666", Context: [("sts:ExternalId", "wrong")]),
        ["DateGreaterThan on aws:CurrentTime"] =
            When(ConditionOperators, """{"DateGreaterThan":{"aws:CurrentTime":"2020-04-01T00:00:00Z"}}""", Allowed, ("aws:CurrentTime", "2026-12-07T01:00:00Z")),
        ["NumericLessThanEquals"] =
            When(ConditionOperators, """{"NumericLessThanEquals":{"s3:max-keys":"10"}}""", DenialKind.NoIdentityPolicyAllows, ("s3:max-keys", "11")),
        ["ForAllValues: every request value must be in the set"] =
            When(MultiValued, """{"ForAllValues:StringEquals":{"aws:TagKeys":["environment","cost-center"]}}""", DenialKind.NoIdentityPolicyAllows, ("aws:TagKeys", "environment"), ("aws:TagKeys", "owner")),
        ["ForAllValues: an absent key is true"] =
            When(MultiValued, """{"ForAllValues:StringEquals":{"aws:TagKeys":["environment","cost-center"]}}""", Allowed),
        ["ForAnyValue: one request value in the set is enough"] =
            When(MultiValued, """{"ForAnyValue:StringEquals":{"aws:TagKeys":["environment","cost-center"]}}""", Allowed, ("aws:TagKeys", "owner"), ("aws:TagKeys", "cost-center")),
        ["ForAnyValue: an absent key is false"] =
            When(MultiValued, """{"ForAnyValue:StringEquals":{"aws:TagKeys":["environment","cost-center"]}}""", DenialKind.NoIdentityPolicyAllows),
    };
}
