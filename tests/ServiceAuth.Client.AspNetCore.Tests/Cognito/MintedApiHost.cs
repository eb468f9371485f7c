using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using ServiceAuth.Client.AspNetCore.Cognito;

namespace ServiceAuth.Client.AspNetCore.Tests.Cognito;

/// <summary>An API on TestServer that accepts the tokens of a <see cref="JwtMinter"/> pool for app client
/// <see cref="Client"/>: <c>GET /orders</c> needs <c>orders/read</c>, <c>GET /me</c> any valid token.</summary>
internal sealed class MintedApiHost : IAsyncDisposable
{
    public const string Client = "reader-client";
    private readonly WebApplication _app;

    private MintedApiHost(WebApplication app, JwtMinter minter)
    {
        _app = app;
        Minter = minter;
        HttpClient = app.GetTestClient();
    }

    public JwtMinter Minter { get; }

    public HttpClient HttpClient { get; }

    public FakeLogCollector Logs => _app.Services.GetFakeLogCollector();

    public IServiceProvider Services => _app.Services;

    public static async Task<MintedApiHost> StartAsync(Action<JwtBearerOptions>? jwt = null, Action<CognitoJwtBearerOptions>? cognito = null, Action<IServiceCollection>? services = null)
    {
        var minter = new JwtMinter();
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders().AddFakeLogging().SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddAuthentication(CognitoDefaults.AuthenticationScheme).AddCognitoJwtBearer(o =>
        {
            o.Issuer = new Uri(JwtMinter.Issuer);
            o.AppClientIds.Add(Client);
            cognito?.Invoke(o);
        });
        builder.Services.Configure<JwtBearerOptions>(CognitoDefaults.AuthenticationScheme, o =>
        {
            o.BackchannelHttpHandler = minter.CreateHandler();
            jwt?.Invoke(o);
        });
        builder.Services.AddAuthorization(o => o.AddPolicy("orders-read", p => p.RequireCognitoScope("orders/read")));
        services?.Invoke(builder.Services);
        WebApplication app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/orders", (ClaimsPrincipal user) => user.Identity!.Name).RequireAuthorization("orders-read");
        app.MapGet("/me", (ClaimsPrincipal user) => user.Identity!.Name).RequireAuthorization();
        await app.StartAsync();
        return new MintedApiHost(app, minter);
    }

    public async Task<HttpResponseMessage> GetAsync(string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await HttpClient.SendAsync(request);
    }

    /// <summary>The reasons of the refusals logged (event 550).</summary>
    public IEnumerable<string> Refusals() =>
        Logs.GetSnapshot().Where(r => r.Id.Id == 550).Select(r => r.GetStructuredStateValue("Reason")!);

    public async ValueTask DisposeAsync()
    {
        HttpClient.Dispose();
        await _app.DisposeAsync();
        Minter.Dispose();
    }
}
