using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ServiceAuth.Client.Tests.DependencyInjection;

public sealed class StartupValidationTests
{
    [Theory]
    [InlineData(null, null, null, "Signed HttpClient 'orders': Region is not set and cannot be inferred from BaseAddress '(none)'. Set Region, for example \"eu-west-1\".")]
    [InlineData("https://internal.example.com/", null, "execute-api", "Region is not set and cannot be inferred from BaseAddress 'https://internal.example.com/'")]
    [InlineData("https://internal.example.com/", "eu-west-1", null, "Service is not set and cannot be inferred from BaseAddress 'https://internal.example.com/'. Set Service, for example \"execute-api\"")]
    [InlineData("http://internal.example.com/", "eu-west-1", "execute-api", "BaseAddress 'http://internal.example.com/' is plain http://; use https://, or set AllowInsecureHttp = true")]
    [InlineData("https://api.example.com/", "Europe", "execute-api", "Region 'Europe' is not an AWS region name such as \"eu-west-1\".")]
    [InlineData("https://api.example.com/", "eu-west-1", "Execute API", "Service 'Execute API' must be a lowercase signing name")]
    public async Task StartAsync_InvalidOptions_FailsNamingValueAndFix(string? baseAddress, string? region, string? service, string expected)
    {
        using IHost host = BuildHost(o =>
        {
            o.BaseAddress = baseAddress is null ? null : new Uri(baseAddress);
            o.Region = region;
            o.Service = service;
        });

        OptionsValidationException e = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());

        e.Message.ShouldContain(expected);
    }

    [Fact]
    public async Task StartAsync_MaxBufferedPayloadBytesNotPositive_Fails()
    {
        using IHost host = BuildHost(o =>
        {
            o.BaseAddress = new Uri("https://abc.execute-api.eu-west-1.amazonaws.com/");
            o.MaxBufferedPayloadBytes = 0;
        });

        OptionsValidationException e = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());

        e.Message.ShouldContain("MaxBufferedPayloadBytes 0 must be between 1 and 2147483647.");
    }

    [Fact]
    public async Task StartAsync_ValidOptions_Starts()
    {
        using IHost host = BuildHost(o => o.BaseAddress = new Uri("https://abc.lambda-url.eu-west-1.on.aws/"));

        await host.StartAsync();
        await host.StopAsync();
    }

    private static IHost BuildHost(Action<SignedHttpClientOptions> configure)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSignedHttpClient("orders", configure);
        return builder.Build();
    }
}
