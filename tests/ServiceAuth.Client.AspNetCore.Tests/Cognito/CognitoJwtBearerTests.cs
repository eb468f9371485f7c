using System.Net;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServiceAuth.Client.AspNetCore.Cognito;

namespace ServiceAuth.Client.AspNetCore.Tests.Cognito;

public sealed class CognitoJwtBearerTests
{
    [Fact]
    public async Task AccessToken_OfAnAcceptedClientWithTheScope_Is200AndNamedByClientId()
    {
        await using CognitoApiHost h = await CognitoApiHost.StartAsync();

        using HttpResponseMessage response = await h.GetAsync("/orders", h.Pool.CreateAccessToken(h.Reader, "orders/read"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe(h.Reader.ClientId);
    }

    [Fact]
    public async Task NoToken_Is401()
    {
        await using CognitoApiHost h = await CognitoApiHost.StartAsync();

        using HttpResponseMessage response = await h.GetAsync("/orders", null);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AccessToken_OfAnotherAppClient_Is401AndTheReasonIsLoggedWithoutTheToken()
    {
        await using CognitoApiHost h = await CognitoApiHost.StartAsync();
        string token = h.Pool.CreateAccessToken(h.Other);

        using HttpResponseMessage response = await h.GetAsync("/me", token);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        h.Messages(550).ShouldContain($"Scheme Cognito refused a bearer token (401): client_id '{h.Other.ClientId}' is not one of the accepted app clients");
        h.Logs.Collector.GetSnapshot().ShouldAllBe(r => !r.Message.Contains(token.Split('.')[2]));
    }

    [Fact]
    public async Task IdToken_OnAnAccessTokenApi_Is401ForTokenUse()
    {
        await using CognitoApiHost h = await CognitoApiHost.StartAsync();

        using HttpResponseMessage response = await h.GetAsync("/me", h.Pool.CreateIdToken(h.Reader, "alice"));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        h.Messages(550).ShouldContain("Scheme Cognito refused a bearer token (401): token_use is 'id'; this API accepts access tokens");
    }

    [Fact]
    public async Task IdTokenApi_AcceptsIdTokensOnAudAndRefusesAccessTokens()
    {
        await using CognitoApiHost h = await CognitoApiHost.StartAsync((o, _) => o.TokenUse = CognitoTokenUse.Id);

        using HttpResponseMessage id = await h.GetAsync("/me", h.Pool.CreateIdToken(h.Reader, "alice"));
        using HttpResponseMessage access = await h.GetAsync("/me", h.Pool.CreateAccessToken(h.Reader));
        using HttpResponseMessage otherAudience = await h.GetAsync("/me", h.Pool.CreateIdToken(h.Other, "bob"));

        id.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await id.Content.ReadAsStringAsync()).ShouldBe("alice");
        access.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        otherAudience.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        h.Messages(550).ShouldContain($"Scheme Cognito refused a bearer token (401): aud '{h.Other.ClientId}' is not one of the accepted app clients");
    }

    [Fact]
    public async Task AccessToken_WithoutTheRequiredScope_Is403AndTheScopesAreLogged()
    {
        await using CognitoApiHost h = await CognitoApiHost.StartAsync();

        using HttpResponseMessage response = await h.GetAsync("/orders", h.Pool.CreateAccessToken(h.Reader, "orders/write"));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        h.Messages(551).ShouldContain($"Caller {h.Reader.ClientId} is forbidden (403): the route needs one of the scopes 'orders/read', the token has 'orders/write'");
    }

    [Fact]
    public async Task ExpiredToken_Is401WithTheReason()
    {
        await using CognitoApiHost h = await CognitoApiHost.StartAsync(poolClockStart: DateTimeOffset.UtcNow.AddHours(-2));

        using HttpResponseMessage response = await h.GetAsync("/me", h.Pool.CreateAccessToken(h.Reader));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        h.Messages(550).ShouldContain("Scheme Cognito refused a bearer token (401): the token has expired");
    }

    [Fact]
    public async Task TokenOfAnotherPool_Is401()
    {
        await using CognitoApiHost h = await CognitoApiHost.StartAsync();
        await using CognitoApiHost other = await CognitoApiHost.StartAsync();

        using HttpResponseMessage response = await h.GetAsync("/me", other.Pool.CreateAccessToken(other.Reader));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task KeyRotation_TokenWithANewKid_IsAcceptedAtOnceAndTheKeysAreFetchedAgainOnlyOnce()
    {
        await using CognitoApiHost h = await CognitoApiHost.StartAsync();
        using HttpResponseMessage before = await h.GetAsync("/me", h.Pool.CreateAccessToken(h.Reader));
        int fetchesBefore = h.JwksFetches;

        h.Pool.RotateSigningKey(retirePrevious: true);
        using HttpResponseMessage after = await h.GetAsync("/me", h.Pool.CreateAccessToken(h.Reader));
        using HttpResponseMessage again = await h.GetAsync("/me", h.Pool.CreateAccessToken(h.Reader));
        int fetchesAfter = h.JwksFetches;
        for (int i = 0; i < 5; i++)
        {
            using HttpResponseMessage more = await h.GetAsync("/me", h.Pool.CreateAccessToken(h.Reader));
            more.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        before.StatusCode.ShouldBe(HttpStatusCode.OK);
        after.StatusCode.ShouldBe(HttpStatusCode.OK, "the first token of the new key is accepted, not refused while keys refresh");
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        h.Messages(552).ShouldHaveSingleItem();
        fetchesBefore.ShouldBe(1);
        fetchesAfter.ShouldBeInRange(2, 3, "the in-line fetch, and JwtBearer's own background refresh");
        h.JwksFetches.ShouldBe(fetchesAfter);
    }

    [Fact]
    public async Task UnknownKids_FetchTheKeysAtMostOncePer5Minutes()
    {
        await using CognitoApiHost h = await CognitoApiHost.StartAsync();
        await h.GetAsync("/me", h.Pool.CreateAccessToken(h.Reader));

        for (int i = 0; i < 10; i++)
        {
            string[] parts = h.Pool.CreateAccessToken(h.Reader).Split('.');
            string header = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode($"{{\"kid\":\"random-{i}\",\"alg\":\"RS256\"}}");
            using HttpResponseMessage response = await h.GetAsync("/me", $"{header}.{parts[1]}.{parts[2]}");
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        h.Messages(550).Distinct().ShouldBe(["Scheme Cognito refused a bearer token (401): the token's signing key (kid) is not in the pool's JWKS, even after fetching the keys again"]);
        h.JwksFetches.ShouldBeLessThanOrEqualTo(3, "the first fetch, one in-line fetch, one background refresh");
    }

    [Fact]
    public void UserPoolId_GivesTheCognitoIssuerAndDiscoveryAddress()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAuthentication().AddCognitoJwtBearer(o =>
        {
            o.UserPoolId = "eu-west-1_AbCdEf123";
            o.AppClientIds.Add("client");
            o.ClockSkew = TimeSpan.FromSeconds(30);
        });
        using ServiceProvider provider = services.BuildServiceProvider();

        JwtBearerOptions jwt = provider.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(CognitoDefaults.AuthenticationScheme);

        jwt.Authority.ShouldBe("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123");
        jwt.MetadataAddress.ShouldBe("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123/.well-known/openid-configuration");
        jwt.RequireHttpsMetadata.ShouldBeTrue();
        jwt.MapInboundClaims.ShouldBeFalse();
        jwt.TokenValidationParameters.ValidIssuer.ShouldBe(jwt.Authority);
        jwt.TokenValidationParameters.ClockSkew.ShouldBe(TimeSpan.FromSeconds(30));
        jwt.TokenValidationParameters.ValidAlgorithms.ShouldBe(["RS256"]);
    }

    [Theory]
    [InlineData(null, "c", "UserPoolId is not set; set it to the user pool id, for example \"eu-west-1_AbCdEf123\"")]
    [InlineData("1example23456789", "c", "UserPoolId '1example23456789' is not a user pool id such as \"eu-west-1_AbCdEf123\"")]
    [InlineData("eu-west-1_AbCdEf123", null, "AppClientIds is empty; add the app client ids whose tokens this API accepts")]
    public async Task StartAsync_InvalidOptions_FailsNamingValueAndFix(string? poolId, string? clientId, string expected)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddAuthentication().AddCognitoJwtBearer(o =>
        {
            o.UserPoolId = poolId;
            if (clientId is not null)
            {
                o.AppClientIds.Add(clientId);
            }
        });
        await using WebApplication app = builder.Build();

        OptionsValidationException e = await Should.ThrowAsync<OptionsValidationException>(() => app.StartAsync());

        e.Message.ShouldContain($"Cognito authentication scheme 'Cognito': {expected}");
    }
}
