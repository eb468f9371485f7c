using ServiceAuth.Client.Testing.Internal.Policy;

namespace ServiceAuth.Client.IntegrationTests.Policy;

/// <summary>Single-account, cross-account and explicit-deny examples.</summary>
internal static partial class PolicyCorpus
{
    private const string Carlos = "arn:aws:iam::123456789012:user/carlossalazar";
    private const string LogsObject = "arn:aws:s3:::amzn-s3-demo-bucket-carlossalazar-logs/file.txt";
    private const string OwnObject = "arn:aws:s3:::amzn-s3-demo-bucket-carlossalazar/file.txt";

    // The single-account page's example: carlossalazar's identity policy allows his own bucket and denies every bucket
    // with "log" in its name; the logs bucket's policy allows him s3:*.
    private static string[] CarlosIdentity =>
    [
        """
        {"Version":"2012-10-17","Statement":[
          {"Sid":"AllowS3ListRead","Effect":"Allow","Action":["s3:GetBucketLocation","s3:ListAllMyBuckets"],"Resource":"*"},
          {"Sid":"AllowS3Self","Effect":"Allow","Action":"s3:*","Resource":["arn:aws:s3:::amzn-s3-demo-bucket-carlossalazar/*","arn:aws:s3:::amzn-s3-demo-bucket-carlossalazar"]},
          {"Sid":"DenyS3Logs","Effect":"Deny","Action":"s3:*","Resource":"arn:aws:s3:::*log*"}]}
        """,
    ];

    private static string CarlosLogsBucket => ResourceStatement("Allow", $$"""{"AWS":"{{Carlos}}"}""", "s3:*", "arn:aws:s3:::amzn-s3-demo-bucket-carlossalazar-logs/*");

    private static IEnumerable<KeyValuePair<string, PolicyCase>> Evaluation() => new Dictionary<string, PolicyCase>
    {
        ["single-account: explicit deny in the identity policy wins over the bucket policy's allow"] =
            new(SingleAccount, Carlos, "s3:PutObject", LogsObject, CarlosIdentity, CarlosLogsBucket, DenialKind.ExplicitDenyInIdentityPolicy),
        ["single-account: the identity policy alone allows his own bucket"] =
            new(SingleAccount, Carlos, "s3:PutObject", OwnObject, CarlosIdentity, null, Allowed),
        ["single-account: the resource policy alone allows (the identity policy does not mention the bucket)"] =
            new(SingleAccount, Carlos, "s3:GetObject", "arn:aws:s3:::shared/report.csv", [Statement("Allow", "s3:ListAllMyBuckets", "*")],
                ResourceStatement("Allow", $$"""{"AWS":"{{Carlos}}"}""", "s3:GetObject", "arn:aws:s3:::shared/*"), Allowed),
        ["single-account: neither policy allows -> implicit deny"] =
            new(SingleAccount, Carlos, "s3:DeleteObject", OwnObject, [Statement("Allow", "s3:GetObject", "*")], null, DenialKind.NoIdentityPolicyAllows),
        ["cross-account: both the identity policy and the bucket policy allow"] =
            new(CrossAccount, "arn:aws:iam::111122223333:user/carlossalazar", "s3:GetObject", "arn:aws:s3:::amzn-s3-demo-bucket/doc.txt",
                [Statement("Allow", "s3:GetObject", "arn:aws:s3:::amzn-s3-demo-bucket/*")],
                ResourceStatement("Allow", """{"AWS":"arn:aws:iam::111122223333:root"}""", "s3:GetObject", "arn:aws:s3:::amzn-s3-demo-bucket/*"), Allowed,
                ResourceAccount: "444455556666"),
        ["cross-account: the bucket policy allows but the caller's identity policy does not"] =
            new(CrossAccount, "arn:aws:iam::111122223333:user/carlossalazar", "s3:PutObject", "arn:aws:s3:::amzn-s3-demo-bucket/doc.txt",
                [Statement("Allow", "s3:GetObject", "arn:aws:s3:::amzn-s3-demo-bucket/*")],
                ResourceStatement("Allow", """{"AWS":"arn:aws:iam::111122223333:user/carlossalazar"}""", "s3:*", "arn:aws:s3:::amzn-s3-demo-bucket/*"),
                DenialKind.NoIdentityPolicyAllows, ResourceAccount: "444455556666"),
        ["cross-account: the identity policy allows but the resource has no policy naming the caller"] =
            new(CrossAccount, "arn:aws:iam::111122223333:user/carlossalazar", "s3:GetObject", "arn:aws:s3:::amzn-s3-demo-bucket/doc.txt",
                [Statement("Allow", "s3:*", "*")], ResourceStatement("Allow", """{"AWS":"arn:aws:iam::999999999999:root"}""", "s3:*", "*"),
                DenialKind.NoResourcePolicyAllows, ResourceAccount: "444455556666"),
        ["cross-account: a role's trust policy allows the other account, the caller's policy must allow sts:AssumeRole"] =
            new(CrossAccount, "arn:aws:iam::111122223333:user/carlossalazar", "sts:AssumeRole", "arn:aws:iam::444455556666:role/UpdateApp",
                [Statement("Allow", "s3:*", "*")], ResourceStatement("Allow", """{"AWS":"arn:aws:iam::111122223333:root"}""", "sts:AssumeRole", "*"),
                DenialKind.NoIdentityPolicyAllows, ResourceAccount: "444455556666"),
        ["account principal: a resource policy naming only the account delegates to the identity policies"] =
            new(PrincipalPage, "arn:aws:iam::123456789012:user/ana", "sns:Publish", "arn:aws:sns:us-east-1:123456789012:orders",
                [Statement("Allow", "sqs:SendMessage", "*")], ResourceStatement("Allow", """{"AWS":"123456789012"}""", "sns:Publish", "*"),
                DenialKind.NoIdentityPolicyAllows),
        ["deny evaluation: an explicit deny in the resource-based policy overrides the identity policy's allow"] =
            new(DenyAllow, "arn:aws:iam::123456789012:user/ana", "sns:Publish", "arn:aws:sns:us-east-1:123456789012:orders",
                [Statement("Allow", "sns:*", "*")], ResourceStatement("Deny", "\"*\"", "sns:Publish", "*"), DenialKind.ExplicitDenyInResourcePolicy),
        ["deny evaluation: no policy at all -> implicit deny"] =
            new(DenyAllow, "arn:aws:iam::123456789012:user/ana", "sns:Publish", "arn:aws:sns:us-east-1:123456789012:orders", [], null, DenialKind.NoIdentityPolicyAllows),
        ["NotAction: allow everything except IAM"] =
            new(NotActionPage, "arn:aws:iam::123456789012:user/ana", "iam:CreateUser", "*",
                ["""{"Version":"2012-10-17","Statement":{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}}"""], null, DenialKind.NoIdentityPolicyAllows),
        ["NotAction: anything else is allowed"] =
            new(NotActionPage, "arn:aws:iam::123456789012:user/ana", "sns:Publish", "arn:aws:sns:us-east-1:123456789012:orders",
                ["""{"Version":"2012-10-17","Statement":{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}}"""], null, Allowed),
        ["NotResource: deny everything but one bucket"] =
            new(NotResourcePage, "arn:aws:iam::123456789012:user/ana", "s3:GetObject", "arn:aws:s3:::other/file",
                [Statement("Allow", "s3:*", "*"), """{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"s3:*","NotResource":["arn:aws:s3:::HRBucket/Payroll","arn:aws:s3:::HRBucket/Payroll/*"]}}"""],
                null, DenialKind.ExplicitDenyInIdentityPolicy),
        ["NotResource: the named bucket stays allowed"] =
            new(NotResourcePage, "arn:aws:iam::123456789012:user/ana", "s3:GetObject", "arn:aws:s3:::HRBucket/Payroll/jan.csv",
                [Statement("Allow", "s3:*", "*"), """{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"s3:*","NotResource":["arn:aws:s3:::HRBucket/Payroll","arn:aws:s3:::HRBucket/Payroll/*"]}}"""],
                null, Allowed),
        ["API Gateway: same account, IAM policy allows and there is no resource policy"] =
            new(ApiGatewayFlow, "arn:aws:iam::111111111111:user/ana", "execute-api:Invoke", "arn:aws:execute-api:us-east-1:111111111111:a1b2c3/prod/GET/pets",
                [Statement("Allow", "execute-api:Invoke", "arn:aws:execute-api:us-east-1:111111111111:a1b2c3/*/GET/*")], null, Allowed),
        ["API Gateway: cross account, the resource policy allows but the caller's IAM policy does not"] =
            new(ApiGatewayFlow, "arn:aws:iam::222222222222:user/ana", "execute-api:Invoke", "arn:aws:execute-api:us-east-1:111111111111:a1b2c3/prod/POST/pets",
                [Statement("Allow", "execute-api:Invoke", "arn:aws:execute-api:us-east-1:111111111111:a1b2c3/*/GET/*")],
                ResourceStatement("Allow", """{"AWS":"arn:aws:iam::222222222222:root"}""", "execute-api:Invoke", "arn:aws:execute-api:us-east-1:111111111111:a1b2c3/*"),
                DenialKind.NoIdentityPolicyAllows, ResourceAccount: "111111111111"),
        ["API Gateway: the method segment of an execute-api ARN matches with wildcards"] =
            new(ApiGatewayExamples, "arn:aws:iam::222222222222:user/ana", "execute-api:Invoke", "arn:aws:execute-api:us-east-1:111111111111:a1b2c3/prod/GET/pets/7",
                [Statement("Allow", "execute-api:Invoke", "arn:aws:execute-api:*:111111111111:a1b2c3/*/GET/pets/*")],
                ResourceStatement("Allow", """{"AWS":"arn:aws:iam::222222222222:user/ana"}""", "execute-api:Invoke", "arn:aws:execute-api:us-east-1:111111111111:a1b2c3/prod/*"),
                Allowed, ResourceAccount: "111111111111"),
    };
}
