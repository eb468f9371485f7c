using ServiceAuth.Client.SnsMessages.Internal;

namespace ServiceAuth.Client.Tests.SnsMessages;

public sealed class SnsHostRuleTests
{
    [Theory]
    [InlineData("https://sns.us-east-1.amazonaws.com/SimpleNotificationService-abc.pem", true)]
    [InlineData("https://sns.eu-central-1.amazonaws.com/SimpleNotificationService-abc.pem", true)]
    [InlineData("https://sns.ap-southeast-5.amazonaws.com/SimpleNotificationService-abc.pem", true)]
    [InlineData("https://sns.us-gov-west-1.amazonaws.com/SimpleNotificationService-abc.pem", true)]
    [InlineData("https://sns.cn-north-1.amazonaws.com.cn/SimpleNotificationService-abc.pem", true)]
    [InlineData("https://sns.cn-north-1.amazonaws.com/SimpleNotificationService-abc.pem", false)]
    [InlineData("https://sns.amazonaws.com/SimpleNotificationService-abc.pem", false)]
    [InlineData("https://sns-fips.us-east-1.amazonaws.com/SimpleNotificationService-abc.pem", false)]
    [InlineData("https://SNS.US-EAST-1.AMAZONAWS.COM/SimpleNotificationService-abc.pem", false)]
    [InlineData("https://sns.us-east-1.amazonaws.com/SimpleNotificationService-abc.pem#x", false)]
    [InlineData("https://user:pw@sns.us-east-1.amazonaws.com/SimpleNotificationService-abc.pem", false)]
    [InlineData("https://sns.us-east-1.amazonaws.com\\@evil.com/x.pem", false)]
    [InlineData("https://sns．us-east-1．amazonaws．com/x.pem", false)]
    [InlineData("//sns.us-east-1.amazonaws.com/x.pem", false)]
    [InlineData("", false)]
    public void IsSnsUrl_AcceptsExactlySnsHosts(string url, bool expected)
    {
        SnsHostRule.IsSnsUrl(url, certificate: true, out Uri? parsed).ShouldBe(expected);

        (parsed is not null).ShouldBe(expected);
    }

    [Fact]
    public void IsSnsUrl_SubscriptionLinks_MayHaveAQuery()
    {
        SnsHostRule.IsSnsUrl("https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&Token=t", certificate: false, out _).ShouldBeTrue();
        SnsHostRule.IsSnsUrl("https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&Token=t", certificate: true, out _).ShouldBeFalse();
    }
}
