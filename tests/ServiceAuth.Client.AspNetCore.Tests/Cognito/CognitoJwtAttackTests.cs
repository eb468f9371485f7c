using System.Net;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;

namespace ServiceAuth.Client.AspNetCore.Tests.Cognito;

/// <summary>Tokens an attacker writes, minted by the tests' own <see cref="JwtMinter"/>: each is refused with 401 and a
/// logged reason, while the well-formed token of the same minter gets 200.</summary>
public sealed class CognitoJwtAttackTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Fact]
    public async Task WellFormedAccessToken_Is200()
    {
        await using MintedApiHost h = await MintedApiHost.StartAsync();

        using HttpResponseMessage response = await h.GetAsync("/orders", h.Minter.Mint(Claims()));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe(MintedApiHost.Client);
    }

    [Fact]
    public async Task Aud_OfAnotherApi_IsRefusedEvenWithAnAcceptedClientId()
    {
        await using MintedApiHost h = await MintedApiHost.StartAsync();
        Dictionary<string, string> claims = Claims();
        claims["aud"] = JwtMinter.Quote("api-a-client");

        using HttpResponseMessage response = await h.GetAsync("/me", h.Minter.Mint(claims));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        h.Refusals().ShouldContain("aud 'api-a-client' is not one of the accepted app clients");
    }

    [Fact]
    public async Task Aud_NamingAnAcceptedClient_IsAccepted_AsApiGatewayEvaluatesAudWhenPresent()
    {
        await using MintedApiHost h = await MintedApiHost.StartAsync();
        Dictionary<string, string> claims = Claims();
        claims["aud"] = $"[\"api-a-client\",\"{MintedApiHost.Client}\"]";

        using HttpResponseMessage response = await h.GetAsync("/me", h.Minter.Mint(claims));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Iat_OneDayInTheFuture_IsRefused()
    {
        await using MintedApiHost h = await MintedApiHost.StartAsync();
        Dictionary<string, string> claims = Claims();
        claims["iat"] = JwtMinter.Seconds(Now.AddDays(1));
        claims["exp"] = JwtMinter.Seconds(Now.AddDays(1).AddHours(1));

        using HttpResponseMessage response = await h.GetAsync("/me", h.Minter.Mint(claims));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        h.Refusals().ShouldContain(r => r.StartsWith("the token was issued in the future (iat", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Iat_AheadByLessThanTheClockSkew_IsAccepted()
    {
        await using MintedApiHost h = await MintedApiHost.StartAsync();
        Dictionary<string, string> claims = Claims();
        claims["iat"] = JwtMinter.Seconds(Now.AddSeconds(30));

        using HttpResponseMessage response = await h.GetAsync("/me", h.Minter.Mint(claims));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("exp")]
    [InlineData("nbf")]
    [InlineData("iat")]
    public async Task TimeClaim_WrittenAsAString_IsRefused(string claim)
    {
        await using MintedApiHost h = await MintedApiHost.StartAsync();
        Dictionary<string, string> claims = Claims();
        claims[claim] = JwtMinter.Quote(JwtMinter.Seconds(claim == "exp" ? Now.AddHours(1) : Now.AddMinutes(-1)));

        using HttpResponseMessage response = await h.GetAsync("/me", h.Minter.Mint(claims));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        h.Refusals().ShouldContain($"{claim} is not a JSON number");
    }

    [Fact]
    public async Task AlgNone_IsRefused()
    {
        await using MintedApiHost h = await MintedApiHost.StartAsync();

        using HttpResponseMessage response = await h.GetAsync("/me", h.Minter.MintUnsigned(Claims()));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        h.Refusals().ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Hs256_KeyedWithThePublicKey_IsRefused()
    {
        await using MintedApiHost h = await MintedApiHost.StartAsync();

        using HttpResponseMessage response = await h.GetAsync("/me", h.Minter.MintHmacWithPublicKey(Claims()));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        h.Refusals().ShouldNotBeEmpty();
    }

    [Fact]
    public async Task KeyRotation_TheApplicationsOnTokenValidatedRunsOnTheFirstTokenOfTheNewKey()
    {
        int calls = 0;
        await using MintedApiHost h = await MintedApiHost.StartAsync(jwt: o => o.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                calls++;
                context.Fail("the application refuses every token");
                return Task.CompletedTask;
            },
        });
        using HttpResponseMessage before = await h.GetAsync("/me", h.Minter.Mint(Claims()));

        h.Minter.Rotate();
        using HttpResponseMessage after = await h.GetAsync("/me", h.Minter.Mint(Claims()));

        before.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        after.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "the in-line key refresh runs the application's OnTokenValidated too");
        calls.ShouldBe(2);
    }

    [Fact]
    public async Task KeyRotation_TheApplicationsOnTokenValidatedCanReplaceThePrincipal()
    {
        await using MintedApiHost h = await MintedApiHost.StartAsync(jwt: o => o.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                context.Principal = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity([new("client_id", "renamed")], "Cognito", "client_id", null));
                return Task.CompletedTask;
            },
        });
        using HttpResponseMessage before = await h.GetAsync("/me", h.Minter.Mint(Claims()));

        h.Minter.Rotate();
        using HttpResponseMessage after = await h.GetAsync("/me", h.Minter.Mint(Claims()));

        before.StatusCode.ShouldBe(HttpStatusCode.OK);
        after.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await after.Content.ReadAsStringAsync()).ShouldBe("renamed");
    }

    [Fact]
    public async Task EventsType_OfTheApplication_DoesNotSkipTheCognitoChecks_AndStillRuns()
    {
        await using MintedApiHost h = await MintedApiHost.StartAsync(
            jwt: o => o.EventsType = typeof(CountingEvents),
            services: s => s.AddSingleton<CountingEvents>());
        Dictionary<string, string> otherClient = JwtMinter.AccessClaims("another-client", "orders/read", Now);

        using HttpResponseMessage refused = await h.GetAsync("/me", h.Minter.Mint(otherClient));
        using HttpResponseMessage accepted = await h.GetAsync("/me", h.Minter.Mint(Claims()));

        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
        h.Services.GetRequiredService<CountingEvents>().Validated.ShouldBe(1);
    }

    [Fact]
    public async Task MissingScope_Is403WithAnInsufficientScopeChallenge()
    {
        await using MintedApiHost h = await MintedApiHost.StartAsync();

        using HttpResponseMessage response = await h.GetAsync("/orders", h.Minter.Mint(Claims("orders/write")));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer error=\"insufficient_scope\", scope=\"orders/read\"");
    }

    [Fact]
    public async Task Challenge_OfARefusedToken_SaysInvalidTokenWithoutEchoingTheToken()
    {
        await using MintedApiHost h = await MintedApiHost.StartAsync();
        Dictionary<string, string> claims = Claims();
        claims["iss"] = JwtMinter.Quote("https://attacker.example.com/pool");

        using HttpResponseMessage response = await h.GetAsync("/me", h.Minter.Mint(claims));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer error=\"invalid_token\"");
    }

    [Fact]
    public async Task Challenge_WithIncludeErrorDetailsSetByTheApplication_DescribesTheRefusal()
    {
        await using MintedApiHost h = await MintedApiHost.StartAsync(jwt: o => o.IncludeErrorDetails = true);
        Dictionary<string, string> claims = Claims();
        claims["iss"] = JwtMinter.Quote("https://attacker.example.com/pool");

        using HttpResponseMessage response = await h.GetAsync("/me", h.Minter.Mint(claims));

        response.Headers.WwwAuthenticate.ToString().ShouldContain("error_description=");
    }

    /// <summary>An application's events, resolved per request through <see cref="JwtBearerOptions.EventsType"/>.</summary>
    public sealed class CountingEvents : JwtBearerEvents
    {
        public int Validated { get; private set; }

        public override Task TokenValidated(TokenValidatedContext context)
        {
            Validated++;
            return Task.CompletedTask;
        }
    }

    private static Dictionary<string, string> Claims(string scope = "orders/read") => JwtMinter.AccessClaims(MintedApiHost.Client, scope, Now);
}
