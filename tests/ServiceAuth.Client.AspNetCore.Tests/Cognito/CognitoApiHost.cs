using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using ServiceAuth.Client.AspNetCore.Cognito;
using ServiceAuth.Client.Testing;

namespace ServiceAuth.Client.AspNetCore.Tests.Cognito;

/// <summary>An API on TestServer that accepts a local Cognito pool's tokens: <c>GET /orders</c> needs
/// <c>orders/read</c>, <c>GET /me</c> any valid token. The pool's clock starts at <paramref name="poolClockStart"/>.</summary>
public sealed class CognitoApiHost : IAsyncDisposable
{
    private CognitoApiHost(LocalAwsEndpoint endpoint, LocalUserPool pool, LocalAppClient reader, LocalAppClient other, WebApplication app, FakeLoggerProvider logs)
    {
        Endpoint = endpoint;
        Pool = pool;
        Reader = reader;
        Other = other;
        App = app;
        Logs = logs;
        Client = app.GetTestClient();
    }

    public LocalAwsEndpoint Endpoint { get; }

    public LocalUserPool Pool { get; }

    public LocalAppClient Reader { get; }

    public LocalAppClient Other { get; }

    public WebApplication App { get; }

    public FakeLoggerProvider Logs { get; }

    public HttpClient Client { get; }

    public int JwksFetches => Endpoint.Requests.Count(r => r.Path.EndsWith("/jwks.json", StringComparison.Ordinal));

    public static async Task<CognitoApiHost> StartAsync(Action<CognitoJwtBearerOptions, LocalAppClient>? configure = null, DateTimeOffset? poolClockStart = null)
    {
        var time = new FakeTimeProvider(poolClockStart ?? DateTimeOffset.UtcNow);
        LocalAwsEndpoint endpoint = LocalAwsEndpoint.CreateInMemory(new LocalAwsEndpointOptions { TimeProvider = time, Region = "eu-west-1" });
        LocalUserPool pool = endpoint.AddUserPool();
        pool.AddResourceServer("orders", "read", "write");
        LocalAppClient reader = pool.AddAppClient("reader", "orders/read", "orders/write");
        LocalAppClient other = pool.AddAppClient("other", "orders/read");
        var logs = new FakeLoggerProvider();

        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddAuthentication(CognitoDefaults.AuthenticationScheme).AddCognitoJwtBearer(o =>
        {
            o.Issuer = pool.Issuer;
            o.RequireHttpsMetadata = false;
            o.AppClientIds.Add(reader.ClientId);
            configure?.Invoke(o, reader);
        });
        builder.Services.Configure<JwtBearerOptions>(CognitoDefaults.AuthenticationScheme, o => o.BackchannelHttpHandler = endpoint.CreateHandler());
        builder.Services.AddAuthorization(o => o.AddPolicy("orders-read", p => p.RequireCognitoScope("orders/read")));
        WebApplication app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/orders", (ClaimsPrincipal user) => user.Identity!.Name).RequireAuthorization("orders-read");
        app.MapGet("/me", (ClaimsPrincipal user) => user.Identity!.Name).RequireAuthorization();
        await app.StartAsync();
        return new CognitoApiHost(endpoint, pool, reader, other, app, logs);
    }

    public async Task<HttpResponseMessage> GetAsync(string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return await Client.SendAsync(request);
    }

    public IEnumerable<string> Messages(int eventId) => Logs.Collector.GetSnapshot().Where(r => r.Id.Id == eventId).Select(r => r.Message);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        await Endpoint.DisposeAsync();
    }
}
