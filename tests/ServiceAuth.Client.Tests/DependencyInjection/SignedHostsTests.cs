using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServiceAuth.Client.Signing;
using ServiceAuth.Client.Tests.Support;

namespace ServiceAuth.Client.Tests.DependencyInjection;

/// <summary>Issue 9 item 6: with a BaseAddress, credentials (signature, session token, API key) go only to its host and
/// to hosts listed in <see cref="SignedHttpClientOptions.AdditionalSignedHosts"/>.</summary>
public sealed class SignedHostsTests
{
    private readonly CapturingHandler _wire = new();

    [Fact]
    public async Task AbsoluteUriToAnotherHost_FailsBeforeSending_WithoutCredentials()
    {
        using ServiceProvider provider = Build(_ => { });
        HttpClient client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("orders");

        SigningException ex = await Should.ThrowAsync<SigningException>(() => client.GetAsync("https://collector.example.net/steal"));

        ex.Message.ShouldContain("collector.example.net");
        ex.Message.ShouldContain("AdditionalSignedHosts");
        _wire.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task AbsoluteUriToAnAllowedHost_OrTheBaseHostInAnotherCase_IsSigned()
    {
        using ServiceProvider provider = Build(o => o.AdditionalSignedHosts.Add("def456.execute-api.eu-west-1.amazonaws.com"));
        HttpClient client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("orders");

        await client.GetAsync("https://DEF456.execute-api.eu-west-1.amazonaws.com/prod/items");
        await client.GetAsync("https://ABC123.execute-api.eu-west-1.amazonaws.com/prod/items");

        _wire.Requests.Count.ShouldBe(2);
        _wire.Requests.ShouldAllBe(r => r.Header("x-api-key") == "key-1" && r.Header("Authorization") != null);
    }

    [Fact]
    public async Task WithoutBaseAddress_NothingIsSigned_UntilTheHostsAreNamed()
    {
        using ServiceProvider unbound = Build(o => (o.BaseAddress, o.Region, o.Service) = (null, "eu-west-1", "execute-api"));
        using ServiceProvider named = Build(o =>
        {
            (o.BaseAddress, o.Region, o.Service) = (null, "eu-west-1", "execute-api");
            o.AdditionalSignedHosts.Add("xyz789.execute-api.eu-west-1.amazonaws.com");
        });

        SigningException ex = await Should.ThrowAsync<SigningException>(() => unbound.GetRequiredService<IHttpClientFactory>().CreateClient("orders").GetAsync("https://xyz789.execute-api.eu-west-1.amazonaws.com/prod/items"));
        await named.GetRequiredService<IHttpClientFactory>().CreateClient("orders").GetAsync("https://xyz789.execute-api.eu-west-1.amazonaws.com/prod/items");

        ex.Message.ShouldContain("no host bound at startup");
        _wire.Requests.ShouldHaveSingleItem().Header("Authorization").ShouldNotBeNull();
    }

    [Fact]
    public async Task AddSigV4Signing_HttpClientsOwnBaseAddress_BindsCredentialsToItsHostToo()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider());
        services.AddHttpClient("orders", c => c.BaseAddress = new Uri("https://abc123.execute-api.eu-west-1.amazonaws.com/prod/"))
            .AddSigV4Signing(o => (o.Credentials, o.ApiKey, o.Region, o.Service) = (TestCredentials.Session(), "key-1", "eu-west-1", "execute-api"))
            .ConfigurePrimaryHttpMessageHandler(() => _wire);
        using ServiceProvider provider = services.BuildServiceProvider();
        HttpClient client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("orders");

        (await client.GetAsync("items")).EnsureSuccessStatusCode();
        SigningException ex = await Should.ThrowAsync<SigningException>(() => client.GetAsync("https://collector.example.net/steal"));

        ex.Message.ShouldContain("collector.example.net");
        _wire.Requests.ShouldHaveSingleItem().Header("x-api-key").ShouldBe("key-1");
    }

    [Fact]
    public void AdditionalSignedHosts_BindsFromConfiguration()
    {
        IConfigurationSection section = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Orders:BaseAddress"] = "https://abc123.execute-api.eu-west-1.amazonaws.com/prod/",
            ["Orders:AdditionalSignedHosts:0"] = "def456.execute-api.eu-west-1.amazonaws.com",
        }).Build().GetSection("Orders");
        var services = new ServiceCollection();
        services.AddSignedHttpClient("orders", section);
        using ServiceProvider provider = services.BuildServiceProvider();

        provider.GetRequiredService<IOptionsMonitor<SignedHttpClientOptions>>().Get("orders").AdditionalSignedHosts
            .ShouldBe(["def456.execute-api.eu-west-1.amazonaws.com"]);
    }

    private ServiceProvider Build(Action<SignedHttpClientOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider());
        services.AddSignedHttpClient("orders", o =>
        {
            o.BaseAddress = new Uri("https://abc123.execute-api.eu-west-1.amazonaws.com/prod/");
            o.Credentials = TestCredentials.Session();
            o.ApiKey = "key-1";
            configure(o);
        }).ConfigurePrimaryHttpMessageHandler(() => _wire);
        return services.BuildServiceProvider();
    }
}
