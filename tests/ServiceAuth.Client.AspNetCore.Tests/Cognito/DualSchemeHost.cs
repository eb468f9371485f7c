using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using ServiceAuth.Client.AspNetCore.Cognito;
using ServiceAuth.Client.AspNetCore.IdentityTokens;
using ServiceAuth.Client.AspNetCore.Tests.Support;
using ServiceAuth.Client.Testing;

namespace ServiceAuth.Client.AspNetCore.Tests.Cognito;

/// <summary>A web app that accepts both Cognito JWTs (a <see cref="JwtMinter"/> pool) and IAM identity tokens (verified
/// through a local STS), on one fake clock, with logs collected at every level: <c>GET /whoami</c> takes either,
/// <c>GET /orders</c> needs the Cognito scope <c>orders/read</c>. Service A mints identity tokens for it.</summary>
internal sealed class DualSchemeHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly LocalAwsEndpoint _aws;

    private DualSchemeHost(WebApplication app, LocalAwsEndpoint aws, JwtMinter minter, FakeTimeProvider time, CallerA a)
    {
        _app = app;
        _aws = aws;
        Minter = minter;
        Time = time;
        A = a;
    }

    public JwtMinter Minter { get; }

    public FakeTimeProvider Time { get; }

    public CallerA A { get; }

    public FakeLogCollector Logs => _app.Services.GetFakeLogCollector();

    public static async Task<DualSchemeHost> StartAsync()
    {
        var time = new FakeTimeProvider(Principals.Start);
        LocalAwsEndpoint aws = LocalAwsEndpoint.CreateInMemory(new LocalAwsEndpointOptions { TimeProvider = time });
        LocalUser user = aws.AddUser("service-a", Principals.AccountA);
        var minter = new JwtMinter();
        string[] schemes = [CognitoDefaults.AuthenticationScheme, IamIdentityTokenDefaults.AuthenticationScheme];

        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders().AddFakeLogging().SetMinimumLevel(LogLevel.Trace);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddAuthentication()
            .AddCognitoJwtBearer(o =>
            {
                o.Issuer = new Uri(JwtMinter.Issuer);
                o.AppClientIds.Add(MintedApiHost.Client);
            })
            .AddIamIdentityToken(o =>
            {
                o.Audience = ServiceB.Audience;
                o.AllowedAccounts.Add(Principals.AccountA);
            });
        builder.Services.Configure<JwtBearerOptions>(CognitoDefaults.AuthenticationScheme, o => o.BackchannelHttpHandler = minter.CreateHandler());
        builder.Services.AddHttpClient(IamIdentityTokenDefaults.StsHttpClientName).ConfigurePrimaryHttpMessageHandler(aws.CreateHandler);
        builder.Services.AddAuthorization(o =>
        {
            o.DefaultPolicy = new AuthorizationPolicyBuilder(schemes).RequireAuthenticatedUser().Build();
            o.AddPolicy("orders-read", p => p.AddAuthenticationSchemes(schemes).RequireCognitoScope("orders/read"));
        });
        WebApplication app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/whoami", (ClaimsPrincipal user) => user.Identity!.Name ?? "?").RequireAuthorization();
        app.MapGet("/orders", (ClaimsPrincipal user) => user.Identity!.Name).RequireAuthorization("orders-read");
        await app.StartAsync();
        var a = new CallerA(time, app.GetTestServer().CreateHandler(), o =>
        {
            o.Audience = ServiceB.Audience;
            o.Credentials = user.ToAwsCredentials();
        });
        return new DualSchemeHost(app, aws, minter, time, a);
    }

    /// <summary>A Cognito access token of the accepted app client, issued now on the fake clock.</summary>
    public string CognitoToken(string scope = "orders/read") => Minter.Mint(JwtMinter.AccessClaims(MintedApiHost.Client, scope, Time.GetUtcNow()));

    public async Task<HttpResponseMessage> GetAsync(string path, string token)
    {
        using var client = new HttpClient(_app.GetTestServer().CreateHandler()) { BaseAddress = new Uri("http://localhost/") };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }

    /// <summary>Every log record above Debug of this library, authentication and authorization, as "category [id]
    /// message" (the host's own request lines are left out: they are Information by design, and not about tokens).</summary>
    public string[] AboveDebug() =>
        [.. Logs.GetSnapshot()
            .Where(r => r.Level > LogLevel.Debug && !(r.Category ?? string.Empty).StartsWith("Microsoft.AspNetCore.Hosting", StringComparison.Ordinal)
                && !(r.Category ?? string.Empty).StartsWith("Microsoft.AspNetCore.Routing", StringComparison.Ordinal))
            .Select(r => $"{r.Category} [{r.Id.Id}] {r.Message}")];

    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await _app.DisposeAsync();
        await _aws.DisposeAsync();
        Minter.Dispose();
    }
}
