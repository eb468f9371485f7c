using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;
using ServiceAuth.Client.Signing;
using ServiceAuth.Client.Tests.Support;

namespace ServiceAuth.Client.Tests.DependencyInjection;

/// <summary>Issue 19 item 19: a BaseAddress set in a typed client's constructor is invisible to the handlers, so a
/// client binds its hosts at startup (BaseAddress in options or ConfigureHttpClient, or named hosts) and no credentials
/// go to any other host, signatures and identity tokens alike.</summary>
public sealed class TypedClientHostBindingTests
{
    private const string Own = "abc123.execute-api.eu-west-1.amazonaws.com";
    private readonly CapturingHandler _wire = new();

    [Fact]
    public async Task SignedTypedClient_BaseAddressOnlyInItsConstructor_SignsNothing_AndSaysHowToBindTheHost()
    {
        using ServiceProvider provider = Signed(_ => { });
        Orders orders = provider.GetRequiredService<Orders>();

        SigningException own = await Should.ThrowAsync<SigningException>(() => orders.Client.GetAsync("items"));
        SigningException other = await Should.ThrowAsync<SigningException>(() => orders.Client.GetAsync("https://collector.example.net/steal"));

        own.Message.ShouldContain($"'{Own}'");
        own.Message.ShouldContain("no host bound at startup");
        own.Message.ShouldContain("AdditionalSignedHosts");
        other.Message.ShouldContain("'collector.example.net'");
        _wire.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task SignedTypedClient_NamingItsHost_SignsForItOnly()
    {
        using ServiceProvider provider = Signed(o => o.AdditionalSignedHosts.Add(Own));
        Orders orders = provider.GetRequiredService<Orders>();

        (await orders.Client.GetAsync("items")).EnsureSuccessStatusCode();
        await Should.ThrowAsync<SigningException>(() => orders.Client.GetAsync("https://collector.example.net/steal"));

        _wire.Requests.ShouldHaveSingleItem().Header("Authorization").ShouldNotBeNull();
    }

    [Fact]
    public async Task IdentityTokenTypedClient_BaseAddressOnlyInItsConstructor_SendsNoToken()
    {
        using ServiceProvider provider = IdentityToken(_ => { });
        Orders orders = provider.GetRequiredService<Orders>();

        ServiceAuthException other = await Should.ThrowAsync<ServiceAuthException>(() => orders.Client.GetAsync("https://collector.example.net/steal"));
        ServiceAuthException own = await Should.ThrowAsync<ServiceAuthException>(() => orders.Client.GetAsync("items"));

        other.Message.ShouldContain("'collector.example.net'");
        own.Message.ShouldContain("no host bound at startup");
        own.Message.ShouldContain("AdditionalHosts");
        _wire.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task IdentityTokenTypedClient_NamingItsHost_SendsTheTokenThereOnly()
    {
        using ServiceProvider provider = IdentityToken(o => o.AdditionalHosts.Add(Own));
        Orders orders = provider.GetRequiredService<Orders>();

        (await orders.Client.GetAsync("items")).EnsureSuccessStatusCode();
        await Should.ThrowAsync<ServiceAuthException>(() => orders.Client.GetAsync("https://collector.example.net/steal"));

        _wire.Requests.ShouldHaveSingleItem().Header("Authorization").ShouldStartWith("Bearer sa-iam-v1.");
    }

    private ServiceProvider Signed(Action<SignedHttpClientOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider());
        services.AddSignedHttpClient<Orders>(o =>
        {
            (o.Credentials, o.Region, o.Service) = (TestCredentials.Session(), "eu-west-1", "execute-api");
            configure(o);
        }).ConfigurePrimaryHttpMessageHandler(() => _wire);
        return services.BuildServiceProvider();
    }

    private ServiceProvider IdentityToken(Action<ServiceAuth.Client.IdentityTokens.IamIdentityTokenOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddHttpClient<Orders>()
            .AddIamIdentityToken(o =>
            {
                o.Audience = "orders";
                o.StsRegion = "eu-west-1";
                o.Credentials = new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
                configure(o);
            })
            .ConfigurePrimaryHttpMessageHandler(() => _wire);
        return services.BuildServiceProvider();
    }

    /// <summary>A typed client that sets its BaseAddress in its constructor, as many do.</summary>
    public sealed class Orders
    {
        public Orders(HttpClient client)
        {
            client.BaseAddress = new Uri($"https://{Own}/prod/");
            Client = client;
        }

        public HttpClient Client { get; }
    }
}
