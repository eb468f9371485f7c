using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ServiceAuth.Client.Signing;
using ServiceAuth.Client.Tests.Support;

namespace ServiceAuth.Client.Tests.DependencyInjection;

public sealed class SigV4aOptionsValidationTests
{
    [Theory]
    [InlineData(SignatureAlgorithm.SigV4, "*", "RegionSet '*' is only used by SigV4a; set Algorithm = SignatureAlgorithm.SigV4a, or remove RegionSet.")]
    [InlineData(SignatureAlgorithm.SigV4a, "us-east-1, eu-west-1", "RegionSet 'us-east-1, eu-west-1' must be region names or patterns separated by commas")]
    [InlineData((SignatureAlgorithm)9, null, "Algorithm 9 is not a SignatureAlgorithm; use SigV4 or SigV4a.")]
    public async Task StartAsync_InvalidAlgorithmOrRegionSet_FailsNamingClientValueAndFix(SignatureAlgorithm algorithm, string? regionSet, string message)
    {
        using IHost host = Build(o =>
        {
            o.Region = "eu-west-1";
            o.Algorithm = algorithm;
            o.RegionSet = regionSet;
        });

        OptionsValidationException e = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());

        e.Message.ShouldContain("Signed HttpClient 'mrap': " + message);
    }

    [Fact]
    public async Task StartAsync_SigV4aWithRegionSetAndNoRegion_Starts()
    {
        using IHost host = Build(o =>
        {
            o.Algorithm = SignatureAlgorithm.SigV4a;
            o.RegionSet = "*";
        });

        await host.StartAsync();
        await host.StopAsync();
    }

    [Fact]
    public async Task StartAsync_SigV4aWithoutRegionOrRegionSet_FailsNamingRegion()
    {
        using IHost host = Build(o => o.Algorithm = SignatureAlgorithm.SigV4a);

        OptionsValidationException e = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());

        e.Message.ShouldContain("Signed HttpClient 'mrap': Region is not set and cannot be inferred");
    }

    [Fact]
    public async Task SignedClient_SigV4aWithRegionSetOnly_SignsForTheSet()
    {
        var wire = new CapturingHandler();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(TestClock.Start));
        services.AddSignedHttpClient("mrap", o => Configure(o, SignatureAlgorithm.SigV4a, "*")).ConfigurePrimaryHttpMessageHandler(() => wire);
        using ServiceProvider provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IHttpClientFactory>().CreateClient("mrap").GetAsync("key");

        CapturedRequest sent = wire.Requests.Single();
        sent.Header("X-Amz-Region-Set").ShouldBe("*");
        sent.Header("Authorization")!.ShouldStartWith("AWS4-ECDSA-P256-SHA256 Credential=AKIDEXAMPLE/20261122/s3/aws4_request, ");
    }

    private static IHost Build(Action<SignedHttpClientOptions> configure)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder();
        builder.Services.AddSignedHttpClient("mrap", o =>
        {
            Configure(o, SignatureAlgorithm.SigV4, null);
            configure(o);
        });
        return builder.Build();
    }

    private static void Configure(SignedHttpClientOptions o, SignatureAlgorithm algorithm, string? regionSet)
    {
        o.BaseAddress = new Uri("https://mfzwi23gnjvgw.mrap.accesspoint.s3-global.amazonaws.com/");
        o.Service = "s3";
        o.Algorithm = algorithm;
        o.RegionSet = regionSet;
        o.Credentials = new Amazon.Runtime.BasicAWSCredentials(TestCredentials.AccessKey, TestCredentials.SecretKey);
    }
}
