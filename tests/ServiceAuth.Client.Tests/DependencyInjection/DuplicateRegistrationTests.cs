using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ServiceAuth.Client.Credentials;

namespace ServiceAuth.Client.Tests.DependencyInjection;

// issue 21, item 3: an organization SDK and the app both register "orders"; the first one's Region must not leak into
// the second one's client silently.
public sealed class DuplicateRegistrationTests
{
    private static readonly Uri Orders = new("https://orders.example.com/");

    [Fact]
    public async Task StartAsync_SameNameDifferentOptions_FailsNamingTheClientBothCallersAndTheDifference()
    {
        using IHost host = Build(services =>
        {
            OrgSdk.AddOrders(services);
            services.AddSignedHttpClient("orders", o => { o.BaseAddress = Orders; o.Region = "us-east-1"; o.Service = "execute-api"; });
        });

        OptionsValidationException e = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());

        e.Message.ShouldContain("Signed HttpClient 'orders' is registered 2 times with different options");
        e.Message.ShouldContain("registration 1, by ServiceAuth.Client.Tests.DependencyInjection.OrgSdk.AddOrders(");
        e.Message.ShouldContain("Region = 'eu-west-1'");
        e.Message.ShouldContain($"registration 2, by {nameof(ServiceAuth)}.Client.Tests.DependencyInjection.{nameof(DuplicateRegistrationTests)}.");
        e.Message.ShouldContain("Region = 'us-east-1'");
        e.Message.ShouldNotContain("BaseAddress =");   // only what differs
    }

    [Fact]
    public async Task StartAsync_SameRegistrationTwice_StartsAndSigns()
    {
        using IHost host = Build(services =>
        {
            OrgSdk.AddOrders(services);
            OrgSdk.AddOrders(services);
        });

        await host.StartAsync();

        host.Services.GetRequiredService<IOptionsMonitor<SignedHttpClientOptions>>().Get("orders").Region.ShouldBe("eu-west-1");
        await host.StopAsync();
    }

    [Fact]
    public async Task StartAsync_SecretsDiffer_FailsWithoutShowingThem()
    {
        using IHost host = Build(services =>
        {
            services.AddSignedHttpClient("orders", o => Role(o, "first-external-id", "first-api-key"));
            services.AddSignedHttpClient("orders", o => Role(o, "other-external-id", "other-api-key"));
        });

        OptionsValidationException e = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());

        e.Message.ShouldContain("they set different ApiKey, AssumeRole.ExternalId (not shown)");
        e.Message.ShouldNotContain("external-id");
        e.Message.ShouldNotContain("api-key");
    }

    [Fact]
    public async Task StartAsync_BoundSectionAndDelegateDisagree_Fails()
    {
        IConfigurationSection section = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Orders:BaseAddress"] = Orders.ToString(), ["Orders:Region"] = "eu-west-1", ["Orders:Service"] = "execute-api" })
            .Build().GetSection("Orders");
        using IHost host = Build(services =>
        {
            services.AddSignedHttpClient("orders", section);
            services.AddHttpClient("orders").AddSigV4Signing(o => { o.BaseAddress = Orders; o.Region = "eu-west-1"; o.Service = "lambda"; });
        });

        OptionsValidationException e = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());

        e.Message.ShouldContain("Service = 'execute-api'");
        e.Message.ShouldContain("Service = 'lambda'");
    }

    private static void Role(SignedHttpClientOptions o, string externalId, string apiKey)
    {
        o.BaseAddress = Orders;
        o.Region = "eu-west-1";
        o.Service = "execute-api";
        o.ApiKey = apiKey;
        o.AssumeRole = new AssumeRoleOptions { RoleArn = "arn:aws:iam::222233334444:role/orders-caller", ExternalId = externalId };
    }

    private static IHost Build(Action<IServiceCollection> register)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        register(builder.Services);
        return builder.Build();
    }
}
