using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using ServiceAuth.Client.AspNetCore.IdentityTokens;

namespace ServiceAuth.Client.AspNetCore.Tests.Support;

/// <summary>Service B: an ASP.NET Core app on TestServer that accepts IAM identity tokens for the audience
/// <c>service-b</c>, with endpoints for "any authenticated caller", "account A only" and "orders-* roles only".</summary>
internal sealed class ServiceB : IAsyncDisposable
{
    public const string Audience = "service-b";
    private readonly WebApplication _app;

    private ServiceB(WebApplication app) => _app = app;

    public FakeLogCollector Logs => _app.Services.GetFakeLogCollector();

    public IServiceProvider Services => _app.Services;

    public HttpMessageHandler CreateHandler() => _app.GetTestServer().CreateHandler();

    public static async Task<ServiceB> StartAsync(TimeProvider time, Action<IServiceCollection> sts, Action<IamIdentityTokenAuthenticationOptions>? configure = null)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders().AddFakeLogging();
        builder.Services.AddSingleton(time);
        builder.Services.AddAuthentication(IamIdentityTokenDefaults.AuthenticationScheme).AddIamIdentityToken(o =>
        {
            o.Audience = Audience;
            o.AllowedAccounts.Add(Principals.AccountA);
            configure?.Invoke(o);
        });
        builder.Services.AddAuthorization(o =>
        {
            o.AddPolicy("account-a", p => p.RequireAwsAccount(Principals.AccountA));
            o.AddPolicy("orders-roles", p => p.RequireAwsRole("arn:aws:iam::111111111111:role/orders-*"));
        });
        sts(builder.Services);
        WebApplication app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/whoami", (ClaimsPrincipal user) => Results.Text(string.Join('\n', user.Claims.Select(c => $"{c.Type}={c.Value}")))).RequireAuthorization();
        app.MapGet("/account-a", () => "ok").RequireAuthorization("account-a");
        app.MapGet("/orders-roles", () => "ok").RequireAuthorization("orders-roles");
        await app.StartAsync();
        return new ServiceB(app);
    }

    /// <summary>Sends <c>GET path</c> with <c>Authorization: Bearer &lt;token&gt;</c> (or none).</summary>
    public async Task<HttpResponseMessage> GetAsync(string path, string? token)
    {
        using var client = new HttpClient(CreateHandler()) { BaseAddress = new Uri("http://localhost/") };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        }

        return await client.SendAsync(request);
    }

    /// <summary>The reason and detail of the last refusal logged (event 820 or 821).</summary>
    public (IamIdentityTokenFailureReason Reason, string Detail) LastRefusal()
    {
        FakeLogRecord record = Logs.GetSnapshot().Last(r => r.Id.Id is 820 or 821);
        return (Enum.Parse<IamIdentityTokenFailureReason>(record.GetStructuredStateValue("Reason")!), record.GetStructuredStateValue("Detail")!);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
