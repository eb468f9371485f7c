using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServiceAuth.Client.Credentials;
using ServiceAuth.Client.Credentials.Internal;
using ServiceAuth.Client.Signing.Internal;
using ServiceAuth.Client.Sns;
using ServiceAuth.Client.Sns.Internal;
using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Tests.DependencyInjection;

/// <summary>Issue 9 item 12: startup refuses what AWS would refuse later.</summary>
public sealed class StartupRejectsWhatAwsRejectsTests
{
    [Theory]
    [InlineData("arn:aws:iam::222233334444:role/orders\n", null)]
    [InlineData("arn:aws:iam::222233334444:role/rôle", null)]
    [InlineData("arn:aws:iam::٢٢٢٢٣٣٣٣٤٤٤٤:role/orders", null)]
    [InlineData("arn:aws:iam::222233334444:role/orders", "session\n")]
    public void AssumeRoleValidation_TrailingNewlineOrNonAscii_IsRejected(string roleArn, string? sessionName)
    {
        var role = new AssumeRoleOptions { RoleArn = roleArn, RoleSessionName = sessionName };

        AssumeRoleValidation.Validate("x", role, null, "eu-west-1").ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("key\r\nX-Injected: 1", null, null)]
    [InlineData(null, "abc123\n", null)]
    [InlineData(null, null, "a-signing-name-much-longer-than-any-aws-service-has-which-is-rejected-early")]
    public void Validator_CrLfInHeaderValues_OrAnOverlongService_FailsAtStartup(string? apiKey, string? apiId, string? service)
    {
        var services = new ServiceCollection();
        services.AddSignedHttpClient("orders", o =>
        {
            o.BaseAddress = new Uri("https://abc123.execute-api.eu-west-1.amazonaws.com/prod/");
            o.ApiKey = apiKey;
            o.ApiGatewayApiId = apiId;
            o.Service = service;
        });
        using ServiceProvider provider = services.BuildServiceProvider();

        Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IOptionsMonitor<SignedHttpClientOptions>>().Get("orders"))
            .Message.ShouldContain("Signed HttpClient 'orders'");
    }

    [Theory]
    [InlineData("https://bedrock-runtime.us-east-1.amazonaws.com/model/x/invoke", "us-east-1", "bedrock")]
    [InlineData("https://bedrock-agent-runtime.us-east-1.amazonaws.com/", "us-east-1", "bedrock")]
    [InlineData("https://email.eu-west-1.amazonaws.com/v2/email/outbound-emails", "eu-west-1", "ses")]
    [InlineData("https://s3.dualstack.eu-west-1.amazonaws.com/bucket/key", "eu-west-1", "s3")]
    [InlineData("https://ap-111122223333.s3-accesspoint.eu-west-1.amazonaws.com/key", "eu-west-1", "s3")]
    [InlineData("https://runtime.sagemaker.eu-west-1.amazonaws.com/endpoints/e/invocations", "eu-west-1", "sagemaker")]
    [InlineData("https://sns.cn-north-1.amazonaws.com.cn/", "cn-north-1", "sns")]
    public void EndpointInference_InfersTheSigningName_NotTheEndpointPrefix(string url, string region, string service)
    {
        AwsEndpoint.TryInfer(new Uri(url), out string r, out string s).ShouldBeTrue();
        (r, s).ShouldBe((region, service));
    }

    [Theory]
    [InlineData("arn:aws:sns:eu-west-1:222233334444:t", "https://sns.eu-west-1.amazonaws.com/")]
    [InlineData("arn:aws-cn:sns:cn-north-1:222233334444:t", "https://sns.cn-north-1.amazonaws.com.cn/")]
    [InlineData("arn:aws-us-gov:sns:us-gov-west-1:222233334444:t", "https://sns.us-gov-west-1.amazonaws.com/")]
    [InlineData("arn:aws-iso:sns:us-iso-east-1:222233334444:t", "https://sns.us-iso-east-1.c2s.ic.gov/")]
    [InlineData("arn:aws-iso-b:sns:us-isob-east-1:222233334444:t", "https://sns.us-isob-east-1.sc2s.sgov.gov/")]
    [InlineData("arn:aws-iso-e:sns:eu-isoe-west-1:222233334444:t", "https://sns.eu-isoe-west-1.cloud.adc-e.uk/")]
    [InlineData("arn:aws-iso-f:sns:us-isof-south-1:222233334444:t", "https://sns.us-isof-south-1.csp.hci.ic.gov/")]
    [InlineData("arn:aws-eusc:sns:eusc-de-east-1:222233334444:t", "https://sns.eusc-de-east-1.amazonaws.eu/")]
    public void TopicArn_ServiceUrlUsesThePartitionsDnsSuffix(string arn, string url)
    {
        SnsTopicArn.TryParse(arn, out string problem)!.DefaultServiceUrl.ShouldBe(new Uri(url), problem);
    }

    [Theory]
    [InlineData("1e127", false)]
    [InlineData("-1e127", false)]
    [InlineData("1e-129", false)]
    [InlineData("123456789012345678901234567890123456789", false)]
    [InlineData("1e126", true)]
    [InlineData("1e-128", true)]
    [InlineData("-12.5", true)]
    [InlineData("0", true)]
    [InlineData("12345678901234567890123456789012345678", true)]
    [InlineData("1.50000000000000000000000000000000000000000", true)]
    public void SnsNumber_IsRangeCheckedAsSnsDoes(string value, bool accepted)
    {
        (SnsMessageRules.CheckAttributeValue(new SnsAttributeValue("Number", value)) is null).ShouldBe(accepted);
    }
}
