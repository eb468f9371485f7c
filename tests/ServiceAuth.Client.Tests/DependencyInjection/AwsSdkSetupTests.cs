using System.Net;
using Amazon;
using Amazon.Extensions.NETCore.Setup;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ServiceAuth.Client.Credentials.Internal;
using ServiceAuth.Client.Signing;
using ServiceAuth.Client.TestUtilities;

namespace ServiceAuth.Client.Tests.DependencyInjection;

/// <summary>What users configured for the AWS SDK is honoured: an AWSCredentials in DI, AWSOptions through the
/// AwsSdkSetup bridge, the STS client config hook, per-request overrides, and keyed clients.</summary>
public sealed class AwsSdkSetupTests
{
    private static readonly Uri CustomDomain = new("https://orders.example.com/prod/");
    private readonly CapturingHandler _wire = new();

    [Fact]
    public async Task AwsCredentialsRegisteredInDi_AreTheDefault_ButTheClientsOwnWin()
    {
        var services = new ServiceCollection();
        services.AddSingleton<AWSCredentials>(new BasicAWSCredentials("AKIDFROMDI", "secret"));
        AddClient(services, "default", o => o.Region = "eu-west-1");
        AddClient(services, "own", o => (o.Region, o.Credentials) = ("eu-west-1", new BasicAWSCredentials("AKIDOWN", "secret")));
        using ServiceProvider provider = services.BuildServiceProvider();

        await Send(provider, "default");
        await Send(provider, "own");

        _wire.Requests.Select(s => s.AccessKeyId).ShouldBe(["AKIDFROMDI", "AKIDOWN"]);
    }

    [Fact]
    public async Task AwsOptions_GiveRegionAndCredentials_WhenTheClientSetsNone_HostAndClientSettingsWin()
    {
        var services = new ServiceCollection();
        services.AddDefaultAWSOptions(new AWSOptions { Region = RegionEndpoint.APSoutheast2, Credentials = new BasicAWSCredentials("AKIDAWSOPTIONS", "secret") });
        services.AddAwsSdkDefaults();
        AddClient(services, "custom-domain", _ => { });
        AddClient(services, "host-names-region", o => o.BaseAddress = new Uri("https://abc123.execute-api.eu-west-1.amazonaws.com/prod/"));
        AddClient(services, "explicit", o => o.Region = "us-east-2");
        using ServiceProvider provider = services.BuildServiceProvider();

        await Send(provider, "custom-domain");
        await Send(provider, "host-names-region");
        await Send(provider, "explicit");

        _wire.Requests.Select(s => Scope(s.Authorization)).ShouldBe(["AKIDAWSOPTIONS/ap-southeast-2", "AKIDAWSOPTIONS/eu-west-1", "AKIDAWSOPTIONS/us-east-2"]);
    }

    [Fact]
    public async Task AwsOptions_FromConfiguration_AWSSection()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["AWS:Region"] = "sa-east-1" }).Build());
        services.AddSingleton<AWSCredentials>(new BasicAWSCredentials("AKIDFROMDI", "secret"));
        services.AddAwsSdkDefaults();
        AddClient(services, "custom-domain", _ => { });
        using ServiceProvider provider = services.BuildServiceProvider();

        await Send(provider, "custom-domain");

        Scope(_wire.Requests.Single().Authorization).ShouldBe("AKIDFROMDI/sa-east-1");
    }

    [Fact]
    public void ConfigureStsClient_AppliesToEverySTSClient_ButRetriesStayOff()
    {
        var services = new ServiceCollection();
        services.ConfigureStsClient(c => (c.Timeout, c.UseFIPSEndpoint, c.MaxErrorRetry) = (TimeSpan.FromSeconds(7), true, 5));
        using ServiceProvider provider = services.BuildServiceProvider();

        var client = (AmazonSecurityTokenServiceClient)provider.GetRequiredService<IStsClientFactory>().Get(new BasicAWSCredentials("AKID", "secret"), "us-east-1", null);

        client.Config.Timeout.ShouldBe(TimeSpan.FromSeconds(7));
        client.Config.UseFIPSEndpoint.ShouldBeTrue();
        client.Config.MaxErrorRetry.ShouldBe(0);
        client.Config.RegionEndpoint.ShouldBe(RegionEndpoint.USEast1);
    }

    [Fact]
    public async Task RequestOptions_OverrideRegionServiceAndPayloadMode_ForOneRequest()
    {
        var services = new ServiceCollection();
        AddClient(services, "orders", o => (o.Region, o.Credentials) = ("eu-west-1", new BasicAWSCredentials("AKID", "secret")));
        using ServiceProvider provider = services.BuildServiceProvider();
        HttpClient client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("orders");
        using var overridden = new HttpRequestMessage(HttpMethod.Post, "items") { Content = new StringContent("{}") };
        overridden.Options.Set(SigV4DelegatingHandler.RegionOptionKey, "us-west-2");
        overridden.Options.Set(SigV4DelegatingHandler.ServiceOptionKey, "lambda");
        overridden.Options.Set(SigV4DelegatingHandler.PayloadSigningOptionKey, PayloadSigningMode.UnsignedPayload);

        (await client.SendAsync(overridden)).Dispose();
        (await client.PostAsync("items", new StringContent("{}"))).Dispose();

        CapturedRequest[] sent = [.. _wire.Requests];
        sent[0].Authorization!.ShouldContain("/us-west-2/lambda/aws4_request");
        sent.Select(r => r.Header("x-amz-content-sha256")).ShouldBe(["UNSIGNED-PAYLOAD", null]);
        sent[1].Authorization!.ShouldContain("/eu-west-1/execute-api/aws4_request");
    }

    [Fact]
    public async Task RequestOptions_PayloadOverride_DoesNotLeakIntoTheNextRequestOfTheSameSecond()
    {
        var services = new ServiceCollection();
        AddClient(services, "orders", o => (o.Region, o.Credentials) = ("eu-west-1", new BasicAWSCredentials("AKID", "secret")));
        using ServiceProvider provider = services.BuildServiceProvider();
        HttpClient client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("orders");
        using var unsigned = new HttpRequestMessage(HttpMethod.Post, "items") { Content = new StringContent("{}") };
        unsigned.Options.Set(SigV4DelegatingHandler.PayloadSigningOptionKey, PayloadSigningMode.UnsignedPayload);

        (await client.SendAsync(unsigned)).Dispose();
        (await client.PostAsync("items", new StringContent("{}"))).Dispose();
        (await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "items") { Content = new StringContent("{}") })).Dispose();

        _wire.Requests.Select(r => r.Header("x-amz-content-sha256")).ShouldBe(["UNSIGNED-PAYLOAD", null, null]);
    }

    [Fact]
    public async Task SignedClient_AddAsKeyed_ResolvesASignedKeyedHttpClient()
    {
        var services = new ServiceCollection();
        AddClient(services, "orders", o => (o.Region, o.Credentials) = ("eu-west-1", new BasicAWSCredentials("AKIDKEYED", "secret"))).AddAsKeyed();
        using ServiceProvider provider = services.BuildServiceProvider();

        using HttpResponseMessage response = await provider.GetRequiredKeyedService<HttpClient>("orders").GetAsync("items");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        _wire.Requests.Single().AccessKeyId.ShouldBe("AKIDKEYED");
    }

    private static string Scope(string? authorization) => string.Join('/', authorization!.Split("Credential=")[1].Split('/') is var p ? [p[0], p[2]] : []);

    private IHttpClientBuilder AddClient(ServiceCollection services, string name, Action<SignedHttpClientOptions> configure) =>
        services.AddSignedHttpClient(name, o =>
            {
                o.BaseAddress = CustomDomain;
                o.Service = "execute-api";
                configure(o);
            })
            .ConfigurePrimaryHttpMessageHandler(() => _wire);

    private static async Task Send(ServiceProvider provider, string name) =>
        (await provider.GetRequiredService<IHttpClientFactory>().CreateClient(name).GetAsync("items")).Dispose();
}
