using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using ServiceAuth.Client.Credentials;
using ServiceAuth.Client.Credentials.Internal;
using ServiceAuth.Client.Signing.Internal;
using ServiceAuth.Client.Tests.Support;
using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Tests.Credentials;

public sealed class AssumeRoleDependencyInjectionTests
{
    private const string RoleArn = "arn:aws:iam::222233334444:role/orders-caller";
    private static readonly Uri Api = new("https://abc123.execute-api.eu-west-1.amazonaws.com/prod/");

    [Fact]
    public async Task AddSignedHttpClient_1000ConcurrentColdRequests_OneStsCallAndAllSignedWithItsKey()
    {
        var time = new FakeTimeProvider(TestClock.Start);
        var sts = new FakeSts(time);
        var primary = new CapturingHandler();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        sts.Behavior = async _ =>
        {
            await gate.Task;
            return sts.Success();
        };
        using ServiceProvider provider = Build(time, sts, services => services.AddSignedHttpClient("orders", Configure).ConfigurePrimaryHttpMessageHandler(() => primary));
        HttpClient client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("orders");

        Task<HttpResponseMessage>[] requests = Enumerable.Range(0, 1000).Select(i => Task.Run(() => client.GetAsync($"orders/{i}"))).ToArray();
        await Eventually.UntilAsync(() => sts.Calls == 1, "the first request reaches STS");
        gate.SetResult();
        await Task.WhenAll(requests);

        sts.Calls.ShouldBe(1);
        primary.Requests.Count.ShouldBe(1000);
        primary.Requests.Select(s => s.AccessKeyId).Distinct().ShouldHaveSingleItem().ShouldBe("ASIA0000000000000001");
        primary.Requests.ShouldAllBe(s => s.SecurityToken == "token-1");
    }

    [Fact]
    public async Task TwoClientsWithTheSameRole_ShareOneEntry_AndSdkClientsGetItToo()
    {
        var time = new FakeTimeProvider(TestClock.Start);
        var sts = new FakeSts(time);
        using ServiceProvider provider = Build(time, sts, services =>
        {
            services.AddSignedHttpClient("a", Configure);
            services.AddSignedHttpClient("b", Configure);
            services.AddSignedHttpClient("c", o =>
            {
                Configure(o);
                o.AssumeRole!.ExternalId = "other-tenant";
            });
        });
        var perClient = provider.GetRequiredService<SignedClientCredentials>();

        AWSCredentials a = perClient.Get("a");
        AWSCredentials b = perClient.Get("b");
        AWSCredentials c = perClient.Get("c");
        AWSCredentials forSdk = provider.GetRequiredService<IAssumeRoleCredentialsProvider>()
            .GetCredentials(new AssumeRoleOptions { RoleArn = RoleArn, RoleSessionName = "orders-api" }, CacheFixture.Source, "eu-west-1");
        await a.GetCredentialsAsync();
        await forSdk.GetCredentialsAsync();

        b.ShouldBeSameAs(a);
        forSdk.ShouldBeSameAs(a);
        c.ShouldNotBeSameAs(a);
        sts.Calls.ShouldBe(1);
    }

    [Fact]
    public void StsClient_IsRegionalForTheClientRegion_OrTheConfiguredEndpoint()
    {
        var time = new FakeTimeProvider(TestClock.Start);
        var sts = new FakeSts(time);
        using ServiceProvider provider = Build(time, sts, services =>
        {
            services.AddSignedHttpClient("default-region", Configure);
            services.AddSignedHttpClient("endpoint", o =>
            {
                Configure(o);
                o.AssumeRole!.StsRegion = "us-west-2";
                o.AssumeRole.StsEndpoint = new Uri("https://vpce-1.sts.us-west-2.vpce.amazonaws.com");
            });
        });
        var perClient = provider.GetRequiredService<SignedClientCredentials>();

        perClient.Get("default-region");
        perClient.Get("endpoint");

        sts.ClientsCreated.Select(c => (c.Region, c.Endpoint?.Host)).ShouldBe([("eu-west-1", null), ("us-west-2", "vpce-1.sts.us-west-2.vpce.amazonaws.com")]);
    }

    [Fact]
    public async Task RoleChaining_TheSecondRoleIsAssumedWithTheFirstRolesCredentials()
    {
        var f = new CacheFixture();
        AWSCredentials first = f.Entry();

        AWSCredentials second = f.Cache.GetCredentials(new AssumeRoleOptions { RoleArn = "arn:aws:iam::555566667777:role/next", DurationSeconds = 3600 }, first, "eu-west-1");
        await second.GetCredentialsAsync();

        second.ShouldNotBeSameAs(first);
        f.Sts.ClientsCreated.Select(c => c.Source).Distinct().ShouldBe([CacheFixture.Source, first]); // asked for per attempt; the real factory keeps one each
        Should.Throw<ServiceAuthException>(() => f.Cache.GetCredentials(new AssumeRoleOptions { RoleArn = "arn:aws:iam::555566667777:role/next", DurationSeconds = 7200 }, first, "eu-west-1"))
            .Message.ShouldContain("role chaining");
    }

    [Fact]
    public void StsClientConfig_HasRetriesOff_AndIsRegional()
    {
        var regional = StsClientFactory.CreateConfig("eu-west-1", null);
        var custom = StsClientFactory.CreateConfig("eu-west-1", new Uri("http://127.0.0.1:4566"));

        regional.MaxErrorRetry.ShouldBe(0);
        regional.RegionEndpoint.SystemName.ShouldBe("eu-west-1");
        custom.MaxErrorRetry.ShouldBe(0);
        custom.ServiceURL.ShouldStartWith("http://127.0.0.1:4566");
        custom.AuthenticationRegion.ShouldBe("eu-west-1");
    }

    [Fact]
    public void RoleSessionName_DefaultsToTheSanitisedApplicationName()
    {
        RoleSessionNames.Sanitize("My App/Orders (v2)").ShouldBe("My-App-Orders--v2-");
        RoleSessionNames.Sanitize("x").ShouldBe("x-");
        RoleSessionNames.Sanitize(null).ShouldBe("serviceauth-client");
        RoleSessionNames.Sanitize(new string('a', 100)).Length.ShouldBe(64);
        RoleSessionNames.Default.ShouldMatch(@"^[\w+=,.@-]{2,64}$");
    }

    private static void Configure(SignedHttpClientOptions o)
    {
        o.BaseAddress = Api;
        o.Credentials = CacheFixture.Source;
        o.AssumeRole = new AssumeRoleOptions { RoleArn = RoleArn, RoleSessionName = "orders-api" };
    }

    private static ServiceProvider Build(FakeTimeProvider time, FakeSts sts, Action<IServiceCollection> configure)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton<IStsClientFactory>(sts);
        configure(services);
        return services.BuildServiceProvider();
    }
}
