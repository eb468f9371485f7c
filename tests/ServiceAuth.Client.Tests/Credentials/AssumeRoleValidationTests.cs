using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ServiceAuth.Client.Credentials;
using ServiceAuth.Client.Credentials.Internal;
using ServiceAuth.Client.Tests.Support;

namespace ServiceAuth.Client.Tests.Credentials;

public sealed class AssumeRoleValidationTests
{
    private const string Role = "arn:aws:iam::222233334444:role/orders-caller";

    public static TheoryData<string, Action<AssumeRoleOptions>, string> Invalid => new()
    {
        { "missing RoleArn", o => o.RoleArn = null, "AssumeRole.RoleArn is required" },
        { "user ARN", o => o.RoleArn = "arn:aws:iam::222233334444:user/bob", "AssumeRole.RoleArn 'arn:aws:iam::222233334444:user/bob' is not an IAM role ARN" },
        { "short account", o => o.RoleArn = "arn:aws:iam::2222:role/x", "is not an IAM role ARN" },
        { "session name slash", o => o.RoleSessionName = "orders/api", "AssumeRole.RoleSessionName 'orders/api' must be 2 to 64 characters" },
        { "session name short", o => o.RoleSessionName = "a", "AssumeRole.RoleSessionName 'a'" },
        { "session name long", o => o.RoleSessionName = new string('a', 65), "AssumeRole.RoleSessionName" },
        { "external id short", o => o.ExternalId = "x", "AssumeRole.ExternalId (length 1) must be 2 to 1,224" },
        { "external id chars", o => o.ExternalId = "has space", "AssumeRole.ExternalId (length 9)" },
        { "duration low", o => o.DurationSeconds = 899, "AssumeRole.DurationSeconds 899 must be between 900 and 43200" },
        { "duration high", o => o.DurationSeconds = 43201, "AssumeRole.DurationSeconds 43201 must be between 900 and 43200" },
        { "policy long", o => o.Policy = new string('a', 2049), "AssumeRole.Policy is 2049 characters" },
        { "policy chars", o => o.Policy = "{\"x\":\"\u2603\"}", "AssumeRole.Policy contains characters outside" },
        { "too many policy ARNs", o => { for (int i = 0; i < 11; i++) { o.PolicyArns.Add($"arn:aws:iam::aws:policy/P{i}"); } }, "AssumeRole.PolicyArns has 11 entries" },
        { "bad policy ARN", o => o.PolicyArns.Add("ReadOnlyAccess"), "AssumeRole.PolicyArns entry 'ReadOnlyAccess' is not an IAM policy ARN" },
        { "too many tags", o => { for (int i = 0; i < 51; i++) { o.Tags[$"k{i}"] = "v"; } }, "AssumeRole.Tags has 51 tags" },
        { "tag key long", o => o.Tags[new string('k', 129)] = "v", "must be 1 to 128 characters" },
        { "tag value long", o => o.Tags["team"] = new string('v', 257), "AssumeRole.Tags value of 'team' must be at most 256" },
        { "tag chars", o => o.Tags["team"] = "a*b", "AssumeRole.Tags value of 'team'" },
        { "transitive not a tag", o => o.TransitiveTagKeys.Add("team"), "AssumeRole.TransitiveTagKeys entry 'team' is not one of the session Tags" },
        { "source identity aws:", o => o.SourceIdentity = "aws:x", "AssumeRole.SourceIdentity 'aws:x'" },
        { "source identity short", o => o.SourceIdentity = "a", "AssumeRole.SourceIdentity 'a'" },
        { "sts region", o => o.StsRegion = "Europe", "AssumeRole.StsRegion 'Europe' is not an AWS region name" },
        { "sts endpoint http", o => o.StsEndpoint = new Uri("http://sts.example.com"), "AssumeRole.StsEndpoint 'http://sts.example.com/' must use https://" },
        { "sts endpoint relative", o => o.StsEndpoint = new Uri("sts", UriKind.Relative), "AssumeRole.StsEndpoint 'sts' must be an absolute URL" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Validate_InvalidValue_NamesTheValueAndTheFix(string scenario, Action<AssumeRoleOptions> configure, string expected)
    {
        var role = new AssumeRoleOptions { RoleArn = Role };
        configure(role);

        List<string> failures = AssumeRoleValidation.Validate("Signed HttpClient 'orders'", role, null, "eu-west-1");

        failures.ShouldContain(m => m.Contains(expected, StringComparison.Ordinal) && m.StartsWith("Signed HttpClient 'orders': ", StringComparison.Ordinal), scenario);
    }

    [Fact]
    public void Validate_AllValid_NoFailures()
    {
        var role = new AssumeRoleOptions
        {
            RoleArn = "arn:aws-cn:iam::222233334444:role/path/orders-caller",
            RoleSessionName = "orders-api@eu",
            ExternalId = "tenant:42/x",
            DurationSeconds = 43200,
            Policy = "{\"Version\":\"2012-10-17\"}",
            SourceIdentity = "alice",
            StsEndpoint = new Uri("http://127.0.0.1:4566"),
        };
        role.PolicyArns.Add("arn:aws:iam::aws:policy/ReadOnlyAccess");
        role.Tags["team"] = "orders ünit";
        role.TransitiveTagKeys.Add("team");

        AssumeRoleValidation.Validate("x", role, null, "eu-west-1").ShouldBeEmpty();
    }

    [Fact]
    public void Validate_RoleChainingOverAnHour_Fails()
    {
        var cache = new CacheFixture();
        AWSCredentials chainedSource = cache.Entry();
        var role = new AssumeRoleOptions { RoleArn = "arn:aws:iam::555566667777:role/next", DurationSeconds = 7200 };

        List<string> failures = AssumeRoleValidation.Validate("x", role, chainedSource, "eu-west-1");
        List<string> withinHour = AssumeRoleValidation.Validate("x", new AssumeRoleOptions { RoleArn = role.RoleArn, DurationSeconds = 3600 }, chainedSource, "eu-west-1");

        failures.ShouldHaveSingleItem().ShouldContain("DurationSeconds 7200 is over 3600, but the source credentials are an assumed role (role chaining)");
        withinHour.ShouldBeEmpty();
    }

    [Fact]
    public async Task StartAsync_InvalidAssumeRole_FailsBeforeAnythingIsSentToSts()
    {
        var time = new FakeTimeProvider(TestClock.Start);
        var sts = new FakeSts(time);
        HostApplicationBuilder builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton<IStsClientFactory>(sts);
        builder.Services.AddSignedHttpClient("orders", o =>
        {
            o.BaseAddress = new Uri("https://abc.execute-api.eu-west-1.amazonaws.com/");
            o.Credentials = CacheFixture.Source;
            o.AssumeRole = new AssumeRoleOptions { RoleArn = Role, DurationSeconds = 100, ExternalId = "x" };
        });
        using IHost host = builder.Build();

        OptionsValidationException e = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());

        e.Message.ShouldContain("Signed HttpClient 'orders': AssumeRole.DurationSeconds 100 must be between 900 and 43200");
        e.Message.ShouldContain("Signed HttpClient 'orders': AssumeRole.ExternalId (length 1)");
        sts.Calls.ShouldBe(0);
    }

    [Fact]
    public void Cache_GetCredentials_InvalidOptions_ThrowsNamingTheValue()
    {
        var f = new CacheFixture();

        ServiceAuthException e = Should.Throw<ServiceAuthException>(() => f.Cache.GetCredentials(new AssumeRoleOptions { RoleArn = "nope" }, null, "eu-west-1"));

        e.Message.ShouldContain("AssumeRole.RoleArn 'nope' is not an IAM role ARN");
    }
}
