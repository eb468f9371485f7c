using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServiceAuth.Client.AspNetCore.IdentityTokens;
using ServiceAuth.Client.Testing;

namespace ServiceAuth.Client.QuickStart;

/// <summary>
/// Service B: a plain ASP.NET Core service (on ECS, EKS or EC2 — no API Gateway in front) that learns its caller's AWS
/// identity from an IAM identity token and lets only service A's role read orders.
/// </summary>
internal static class ServiceB
{
    public const string Audience = "service-b";

    public static async Task<(WebApplication App, Uri Address)> StartAsync(LocalAwsEndpoint localSts, string allowedRole)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));

        // The part a real service writes: its audience, and who may call it.
        builder.Services.AddAuthentication(IamIdentityTokenDefaults.AuthenticationScheme)
            .AddIamIdentityToken(o =>
            {
                o.Audience = Audience;
                o.AllowedAccounts.Add("111111111111"); // the accounts whose callers B serves
            });

        // The QuickStart's local STS answers the verifier's STS client in memory; a real service leaves this out.
        builder.Services.AddHttpClient(IamIdentityTokenDefaults.StsHttpClientName).ConfigurePrimaryHttpMessageHandler(localSts.CreateHandler);
        builder.Services.AddAuthorization(o => o.AddPolicy("service-a-only", p => p.RequireAwsRole(allowedRole)));

        WebApplication app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/orders/{id}", (HttpContext context) =>
            Results.Json(new CallerView(context.User.FindFirst(IamIdentityClaimTypes.RoleArn)?.Value), QuickStartJson.Default.CallerView))
            .RequireAuthorization("service-a-only");
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address.TrimEnd('/') + "/"));
    }
}
