using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ServiceAuth.Client.Benchmarks;

/// <summary>One ASP.NET Core app on TestServer answering <c>GET /ok</c> (no logging providers), with the
/// authentication the caller configures and, when given, the endpoint's authorization policy; and the request a caller
/// sends, with its <c>Authorization</c> value.</summary>
internal sealed class ReceivingPipeline : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _client;
    private readonly string? _authorization;

    private ReceivingPipeline(WebApplication app, string? authorization)
    {
        _app = app;
        _client = new HttpClient(app.GetTestServer().CreateHandler()) { BaseAddress = new Uri("http://localhost/") };
        _authorization = authorization;
    }

    public static async Task<ReceivingPipeline> StartAsync(Action<IServiceCollection>? auth, string? policy, string? authorization)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        auth?.Invoke(builder.Services);
        WebApplication app = builder.Build();
        if (auth is not null)
        {
            app.UseAuthentication();
            app.UseAuthorization();
            RouteHandlerBuilder ok = app.MapGet("/ok", () => "ok");
            _ = policy is null ? ok.RequireAuthorization() : ok.RequireAuthorization(policy);
        }
        else
        {
            app.MapGet("/ok", () => "ok");
        }

        await app.StartAsync();
        return new ReceivingPipeline(app, authorization);
    }

    /// <summary>Sends <c>GET /ok</c> and returns the status code (200 expected).</summary>
    public async Task<int> GetOkAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "ok");
        if (_authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", _authorization);
        }

        using HttpResponseMessage response = await _client.SendAsync(request);
        return (int)response.StatusCode;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }
}
