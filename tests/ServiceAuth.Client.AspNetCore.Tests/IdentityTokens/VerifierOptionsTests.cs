using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServiceAuth.Client.AspNetCore.IdentityTokens;

namespace ServiceAuth.Client.AspNetCore.Tests.IdentityTokens;

public sealed class VerifierOptionsTests
{
    [Theory]
    [InlineData("audience", "Audience '' must be 1 to 128 characters")]
    [InlineData("partition", "Partitions [aws, aws-eu] must name one or more of aws, aws-cn, aws-us-gov")]
    [InlineData("region", "Regions entry 'cn-north-1' is not a region of the configured partitions [aws]")]
    [InlineData("skew", "MaxClockSkew 00:10:00 must be from 00:00:00 to 00:05:00")]
    [InlineData("key", "ChallengeKey has 8 bytes")]
    [InlineData("accounts", "AllowedAccounts is empty. Any AWS account can mint a valid token")]
    [InlineData("account", "AllowedAccounts entry '1234' is not a 12-digit AWS account id")]
    [InlineData("per-key", "MaxConcurrentStsCallsPerAccessKey 40 must be from 1 to 32")]
    [InlineData("slot-wait", "StsSlotWait 00:00:10 must be from 00:00:00 to 00:00:05")]
    public void InvalidOptions_FailValidationNamingTheSchemeAndTheFix(string broken, string expected)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAuthentication().AddIamIdentityToken(o =>
        {
            o.Audience = broken == "audience" ? null : "service-b";
            if (broken != "accounts")
            {
                o.AllowedAccounts.Add(broken == "account" ? "1234" : "111111111111");
            }

            switch (broken)
            {
                case "partition": o.Partitions.Add("aws-eu"); break;
                case "region": o.Regions.Add("cn-north-1"); break;
                case "skew": o.MaxClockSkew = TimeSpan.FromMinutes(10); break;
                case "key": o.ChallengeKey = new byte[8]; break;
                case "per-key": o.MaxConcurrentStsCallsPerAccessKey = 40; break;
                case "slot-wait": o.StsSlotWait = TimeSpan.FromSeconds(10); break;
            }
        });
        using ServiceProvider provider = services.BuildServiceProvider();

        OptionsValidationException e = Should.Throw<OptionsValidationException>(() =>
            provider.GetRequiredService<IOptionsMonitor<IamIdentityTokenAuthenticationOptions>>().Get(IamIdentityTokenDefaults.AuthenticationScheme));

        e.Message.ShouldContain($"IAM identity token scheme '{IamIdentityTokenDefaults.AuthenticationScheme}'");
        e.Message.ShouldContain(expected);
    }

    [Fact]
    public void Options_NameNoEndpoint_SoConfigurationCannotSendTheStsCallToAnotherHost()
    {
        string[] endpoints = [.. typeof(IamIdentityTokenAuthenticationOptions).GetProperties()
            .Where(p => p.PropertyType == typeof(Uri) || p.Name.Contains("Endpoint", StringComparison.Ordinal) || p.Name.Contains("Url", StringComparison.Ordinal))
            .Select(p => p.Name)];

        endpoints.ShouldBeEmpty("tests reach a local STS through the named STS HttpClient's handlers, never through an option");
    }

    [Theory]
    [InlineData("arn:aws:iam::111111111111:role/service/orders")]
    [InlineData("arn:aws:iam::*:role/orders")]
    [InlineData("arn:aws:iam::111111111111:user/orders")]
    [InlineData("arn:aws:sts::111111111111:assumed-role/orders/s")]
    public void RequireAwsRole_PatternWithPathOrWildcardAccountOrNotARole_Throws(string pattern)
    {
        var builder = new AuthorizationPolicyBuilder();

        Should.Throw<ArgumentException>(() => builder.RequireAwsRole(pattern)).Message.ShouldContain(pattern);
    }

    [Fact]
    public void RequireAwsAccount_NotTwelveDigits_Throws()
    {
        Should.Throw<ArgumentException>(() => new AuthorizationPolicyBuilder().RequireAwsAccount("12345")).Message.ShouldContain("12-digit");
    }
}
