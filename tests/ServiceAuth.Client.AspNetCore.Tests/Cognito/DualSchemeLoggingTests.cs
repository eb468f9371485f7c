using System.Net;

namespace ServiceAuth.Client.AspNetCore.Tests.Cognito;

/// <summary>A web app that accepts both Cognito JWTs and IAM identity tokens logs nothing above Debug on success, and a
/// real 401 logs its refusal only (issue 21, item 5).</summary>
public sealed class DualSchemeLoggingTests
{
    [Fact]
    public async Task IdentityToken_Accepted_LogsNothingAboveDebug_AndJwtBearerDoesNotTryIt()
    {
        await using DualSchemeHost h = await DualSchemeHost.StartAsync();
        await h.GetAsync("/whoami", h.CognitoToken()); // JwtBearer fetches its metadata once
        h.Logs.Clear();

        using HttpResponseMessage response = await h.A.HttpClient.GetAsync("whoami");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        h.AboveDebug().ShouldBeEmpty();
        h.Logs.GetSnapshot().ShouldNotContain(r => r.Category != null && r.Category.StartsWith("Microsoft.AspNetCore.Authentication.JwtBearer", StringComparison.Ordinal) && r.Exception != null);
    }

    [Fact]
    public async Task CognitoToken_Accepted_LogsNothingAboveDebug()
    {
        await using DualSchemeHost h = await DualSchemeHost.StartAsync();
        await h.GetAsync("/whoami", h.CognitoToken());
        h.Logs.Clear();

        using HttpResponseMessage whoami = await h.GetAsync("/whoami", h.CognitoToken());
        using HttpResponseMessage orders = await h.GetAsync("/orders", h.CognitoToken());

        whoami.StatusCode.ShouldBe(HttpStatusCode.OK);
        orders.StatusCode.ShouldBe(HttpStatusCode.OK);
        h.AboveDebug().ShouldBeEmpty();
    }

    [Fact]
    public async Task RefusedToken_On_AScopeRoute_Is401AndLogsNoScopeLine()
    {
        await using DualSchemeHost h = await DualSchemeHost.StartAsync();
        Dictionary<string, string> claims = JwtMinter.AccessClaims("another-client", "orders/read", h.Time.GetUtcNow());

        using HttpResponseMessage response = await h.GetAsync("/orders", h.Minter.Mint(claims));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        h.Logs.GetSnapshot().ShouldContain(r => r.Id.Id == 550);
        h.Logs.GetSnapshot().ShouldNotContain(r => r.Id.Id == 551, "a 401 is not also a 403 about scopes");
    }
}
