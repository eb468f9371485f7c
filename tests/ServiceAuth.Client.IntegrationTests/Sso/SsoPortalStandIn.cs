using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace ServiceAuth.Client.IntegrationTests.Sso;

/// <summary>
/// The IAM Identity Center portal's <c>GetRoleCredentials</c> (<c>GET /federation/credentials?account_id&amp;role_name</c>
/// with the cached access token in <c>x-amz-sso_bearer_token</c>), on Kestrel on loopback.
/// </summary>
internal sealed class SsoPortalStandIn : IAsyncDisposable
{
    public const string AccessKeyId = "ASIASSOPORTALEXAMPLE";
    public const string SessionToken = "sso-session-token";

    private readonly WebApplication _app;

    private SsoPortalStandIn(WebApplication app) => _app = app;

    public ConcurrentQueue<string> Calls { get; } = new();

    public Uri BaseAddress => new(_app.Urls.First());

    public static async Task<SsoPortalStandIn> StartAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        WebApplication app = builder.Build();
        var portal = new SsoPortalStandIn(app);
        app.MapGet("/federation/credentials", (HttpRequest request) =>
        {
            portal.Calls.Enqueue($"{request.Query["account_id"]}/{request.Query["role_name"]} with {request.Headers["x-amz-sso_bearer_token"]}");
            return Results.Text(
                $$$"""{"roleCredentials":{"accessKeyId":"{{{AccessKeyId}}}","secretAccessKey":"sso-secret","sessionToken":"{{{SessionToken}}}","expiration":4102444800000}}""",
                "application/json");
        });
        await app.StartAsync();
        return portal;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
