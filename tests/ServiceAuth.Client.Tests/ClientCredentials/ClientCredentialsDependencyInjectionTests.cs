using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using ServiceAuth.Client.ClientCredentials;
using ServiceAuth.Client.ClientCredentials.Internal;
using ServiceAuth.Client.TestUtilities;

namespace ServiceAuth.Client.Tests.ClientCredentials;

public sealed class ClientCredentialsDependencyInjectionTests
{
    private const string Endpoint = "https://pool.auth.eu-west-1.amazoncognito.com/oauth2/token";

    [Theory]
    [InlineData(null, "c", "s", "Client credentials of HttpClient 'orders': TokenEndpoint is not set; set it to the token endpoint, for example https://<domain>.auth.<region>.amazoncognito.com/oauth2/token.")]
    [InlineData("http://auth.example.com/oauth2/token", "c", "s", "TokenEndpoint 'http://auth.example.com/oauth2/token' uses http://, which would send the client secret in clear; use https://")]
    [InlineData(Endpoint, null, "s", "Client credentials of HttpClient 'orders': ClientId is not set; set it to the app client id")]
    [InlineData(Endpoint, "c", null, "Client credentials of HttpClient 'orders': no client secret; set ClientSecret (configuration or a secret store) or ClientSecretProvider.")]
    public async Task StartAsync_InvalidOptions_FailsNamingValueAndFix(string? endpoint, string? clientId, string? secret, string expected)
    {
        using IHost host = BuildHost(o =>
        {
            o.TokenEndpoint = endpoint is null ? null : new Uri(endpoint);
            o.ClientId = clientId;
            o.ClientSecret = secret;
        });

        OptionsValidationException e = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());

        e.Message.ShouldContain(expected);
    }

    [Fact]
    public async Task StartAsync_ScopeWithSpaceBothSecretsAndRelativeResource_ListsEveryProblem()
    {
        using IHost host = BuildHost(o =>
        {
            o.TokenEndpoint = new Uri(Endpoint);
            o.ClientId = "c";
            o.ClientSecret = "s";
            o.ClientSecretProvider = _ => ValueTask.FromResult("s");
            o.Scopes.Add("orders/read orders/write");
            o.Resource = "orders";
        });

        OptionsValidationException e = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());

        e.Failures.ShouldBe([
            "Client credentials of HttpClient 'orders': both ClientSecret and ClientSecretProvider are set; keep one.",
            "Client credentials of HttpClient 'orders': scope 'orders/read orders/write' is empty or contains whitespace; list each scope as its own entry of Scopes, for example 'orders/read'.",
            "Client credentials of HttpClient 'orders': Resource 'orders' must be an absolute URI (RFC 8707), for example https://api.example.com/.",
        ]);
        e.Message.ShouldNotContain("ClientSecret = ");
    }

    [Fact]
    public void Options_BoundFromConfiguration_ToStringNeverShowsTheSecret()
    {
        using ServiceProvider provider = Configured(out _).BuildServiceProvider();

        ClientCredentialsTokenOptions options = provider.GetRequiredService<IOptionsMonitor<ClientCredentialsTokenOptions>>().Get("orders");

        options.TokenEndpoint.ShouldBe(new Uri(Endpoint));
        options.ClientId.ShouldBe("app-client");
        options.ClientSecret.ShouldBe("very-secret");
        options.ClientAuthentication.ShouldBe(ClientAuthenticationMethod.ClientSecretPost);
        options.Scopes.ShouldBe(["orders/read", "orders/write"]);
        options.ToString().ShouldBe($"Client credentials of 'app-client' at {Endpoint} (scopes 'orders/read orders/write')");
    }

    [Fact]
    public void AddClientCredentialsToken_UnknownConfigurationKey_IsAnError()
    {
        IConfigurationSection section = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Token:TokenEndpoint"] = Endpoint,
            ["Token:ClientID"] = "c",
            ["Token:Secret"] = "typo",
        }).Build().GetSection("Token");
        var services = new ServiceCollection();
        services.AddHttpClient("orders").AddClientCredentialsToken(section);
        using ServiceProvider provider = services.BuildServiceProvider();

        Should.Throw<InvalidOperationException>(() => provider.GetRequiredService<IOptionsMonitor<ClientCredentialsTokenOptions>>().Get("orders"))
            .Message.ShouldContain("Secret");
    }

    [Fact]
    public async Task HttpClient_1000ConcurrentColdRequests_OneTokenRequestAndNoSecretOrTokenInLogs()
    {
        IServiceCollection services = Configured(out FakeLoggerProvider logs);
        var idp = new FakeTokenEndpoint();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        idp.Gate = gate.Task;
        idp.Respond = _ => FakeTokenEndpoint.Token("eyJ.the-access-token.sig", 3600);
        var target = new CapturingHandler();
        services.AddHttpClient(TokenEndpointClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => idp);
        services.AddHttpClient("orders").ConfigurePrimaryHttpMessageHandler(() => target);
        using ServiceProvider provider = services.BuildServiceProvider();
        HttpClient client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("orders");

        Task<HttpResponseMessage>[] requests = Enumerable.Range(0, 1000).Select(_ => client.GetAsync(new Uri("https://orders.example.com/"))).ToArray();
        await Eventually.UntilAsync(() => idp.Calls == 1, "the token is requested");
        gate.SetResult();
        HttpResponseMessage[] responses = await Task.WhenAll(requests);

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        idp.Calls.ShouldBe(1);
        target.Requests.ShouldAllBe(s => s.Authorization == "Bearer eyJ.the-access-token.sig");
        logs.Collector.Lines().ShouldContain(l => l.Contains("[500]"));
        logs.Collector.Lines().ShouldAllBe(l => !l.Contains("very-secret") && !l.Contains("the-access-token"));
    }

    [Fact]
    public void AddClientCredentialsToken_Twice_AddsOneHandler()
    {
        var services = new ServiceCollection();
        IHttpClientBuilder builder = services.AddHttpClient("orders");
        builder.AddClientCredentialsToken(o => o.ClientId = "a");
        builder.AddClientCredentialsToken(o => o.Scopes.Add("orders/read"));
        using ServiceProvider provider = services.BuildServiceProvider();

        provider.GetRequiredService<IOptionsMonitor<HttpClientFactoryOptions>>().Get("orders").HttpMessageHandlerBuilderActions.Count.ShouldBe(1, "one token handler");
    }

    private static IServiceCollection Configured(out FakeLoggerProvider logs)
    {
        IConfigurationSection section = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Orders:Token:TokenEndpoint"] = Endpoint,
            ["Orders:Token:ClientId"] = "app-client",
            ["Orders:Token:ClientSecret"] = "very-secret",
            ["Orders:Token:ClientAuthentication"] = "ClientSecretPost",
            ["Orders:Token:Scopes:0"] = "orders/read",
            ["Orders:Token:Scopes:1"] = "orders/write",
        }).Build().GetSection("Orders:Token");
        var services = new ServiceCollection();
        var collected = new FakeLoggerProvider();
        logs = collected;
        services.AddLogging(b => b.AddProvider(collected).SetMinimumLevel(LogLevel.Trace));
        services.AddHttpClient("orders").AddClientCredentialsToken(section);
        return services;
    }

    private static IHost BuildHost(Action<ClientCredentialsTokenOptions> configure)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddHttpClient("orders").AddClientCredentialsToken(configure);
        return builder.Build();
    }
}
