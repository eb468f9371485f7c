using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace ServiceAuth.Client.AspNetCore.Tests.TokenPropagation;

public sealed class BearerTokenPropagationTests
{
    private const string Token = "Bearer eyJ.user-token.sig";

    [Theory]
    [InlineData("https://orders.internal.example.com/x", true)]
    [InlineData("https://ORDERS.internal.example.com/x", true)]
    [InlineData("https://a.b.shared.example.com/x", true)]
    [InlineData("https://shared.example.com/x", false)]
    [InlineData("https://evil.example.com/x", false)]
    [InlineData("https://orders.internal.example.com.evil.test/x", false)]
    [InlineData("http://orders.internal.example.com/x", false)]
    [InlineData("http://127.0.0.1:5000/x", true)]
    public async Task Send_ForwardsTheInboundTokenOnlyToAllowedHostsOverHttps(string target, bool forwarded)
    {
        (HttpClient client, Recorder recorder, FakeLoggerProvider logs) = Create(Token);

        await client.GetAsync(new Uri(target));

        recorder.Authorization.ShouldBe(forwarded ? Token : null);
        logs.Collector.GetSnapshot().ShouldAllBe(r => !r.Message.Contains("user-token"));
        if (!forwarded)
        {
            logs.Collector.GetSnapshot().ShouldContain(r => r.Id.Id == 570 || r.Id.Id == 571);
        }
    }

    [Fact]
    public async Task Send_RequestWithItsOwnAuthorization_KeepsIt()
    {
        (HttpClient client, Recorder recorder, _) = Create(Token);
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://orders.internal.example.com/");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer service-token");

        await client.SendAsync(request);

        recorder.Authorization.ShouldBe("Bearer service-token");
    }

    [Theory]
    [InlineData("Bearer sa-iam-v1.aHR0cHM6Ly9zdHM.c2VydmljZS1i")]
    [InlineData("bearer SA-IAM-V1.aHR0cHM6Ly9zdHM.c2VydmljZS1i")]
    public async Task Send_InboundIamIdentityToken_IsNeverForwarded(string inbound)
    {
        (HttpClient client, Recorder recorder, FakeLoggerProvider logs) = Create(inbound);

        await client.GetAsync(new Uri("https://orders.internal.example.com/"));

        recorder.Authorization.ShouldBeNull();
        logs.Collector.GetSnapshot().ShouldContain(r => r.Id.Id == 573);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task Send_NoInboundBearerToken_SendsNone(string? inbound)
    {
        (HttpClient client, Recorder recorder, _) = Create(inbound);

        await client.GetAsync(new Uri("https://orders.internal.example.com/"));

        recorder.Authorization.ShouldBeNull();
    }

    [Theory]
    [InlineData(new string[0], "AllowedHosts is empty; name the hosts the caller's token may be sent to")]
    [InlineData(new[] { "https://orders.example.com" }, "AllowedHosts entry 'https://orders.example.com' is not a host name")]
    [InlineData(new[] { "orders.*.example.com" }, "AllowedHosts entry 'orders.*.example.com' is not a host name")]
    public async Task StartAsync_InvalidAllowedHosts_FailsNamingValueAndFix(string[] hosts, string expected)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddHttpClient("orders").AddBearerTokenPropagation(o =>
        {
            foreach (string host in hosts)
            {
                o.AllowedHosts.Add(host);
            }
        });
        await using WebApplication app = builder.Build();

        OptionsValidationException e = await Should.ThrowAsync<OptionsValidationException>(() => app.StartAsync());

        e.Message.ShouldContain($"Bearer token propagation of HttpClient 'orders': {expected}");
    }

    private static (HttpClient, Recorder, FakeLoggerProvider) Create(string? inbound)
    {
        var recorder = new Recorder();
        var logs = new FakeLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        services.AddHttpClient("orders")
            .AddBearerTokenPropagation(o =>
            {
                o.AllowedHosts.Add("orders.internal.example.com");
                o.AllowedHosts.Add("*.shared.example.com");
                o.AllowedHosts.Add("127.0.0.1");
            })
            .ConfigurePrimaryHttpMessageHandler(() => recorder);
        ServiceProvider provider = services.BuildServiceProvider();
        var context = new DefaultHttpContext();
        if (inbound is not null)
        {
            context.Request.Headers.Authorization = inbound;
        }

        provider.GetRequiredService<IHttpContextAccessor>().HttpContext = context;
        return (provider.GetRequiredService<IHttpClientFactory>().CreateClient("orders"), recorder, logs);
    }

    private sealed class Recorder : HttpMessageHandler
    {
        public string? Authorization { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Authorization = request.Headers.TryGetValues("Authorization", out IEnumerable<string>? values) ? values.Single() : null;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
        }
    }
}
