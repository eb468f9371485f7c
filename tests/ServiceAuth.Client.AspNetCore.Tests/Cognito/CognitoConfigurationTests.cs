using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ServiceAuth.Client.AspNetCore.Tests.Cognito;

/// <summary>What the scheme takes from the pool's discovery document: its keys, never a wider set of issuers, and no
/// per-request "last known good" bookkeeping.</summary>
public sealed class CognitoConfigurationTests
{
    [Fact]
    public async Task DiscoveryDocumentIssuer_OtherThanThePool_DoesNotWidenTheAcceptedIssuers()
    {
        await using MintedApiHost h = await MintedApiHost.StartAsync();
        const string other = "https://issuer.attacker.example";
        h.Minter.DiscoveryIssuer = other;
        Dictionary<string, string> claims = JwtMinter.AccessClaims(MintedApiHost.Client, "orders/read", DateTimeOffset.UtcNow);
        claims["iss"] = JwtMinter.Quote(other);

        using HttpResponseMessage refused = await h.GetAsync("/me", h.Minter.Mint(claims));
        using HttpResponseMessage accepted = await h.GetAsync("/me", h.Minter.Mint(JwtMinter.AccessClaims(MintedApiHost.Client, "orders/read", DateTimeOffset.UtcNow)));

        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        h.Refusals().ShouldContain("the token's issuer is not this user pool");
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ValidToken_RecordsNoLastKnownGoodConfiguration_OnTheApplicationsManager()
    {
        ConfigurationManager<OpenIdConnectConfiguration>? manager = null;
        await using MintedApiHost h = await MintedApiHost.StartAsync(jwt: o =>
        {
            manager = new ConfigurationManager<OpenIdConnectConfiguration>(
                JwtMinter.Issuer + "/.well-known/openid-configuration",
                new OpenIdConnectConfigurationRetriever(),
                new HttpDocumentRetriever(new HttpClient(o.BackchannelHttpHandler!)));
            o.ConfigurationManager = manager;
        });

        using HttpResponseMessage response = await h.GetAsync("/me", h.Minter.Mint(JwtMinter.AccessClaims(MintedApiHost.Client, "orders/read", DateTimeOffset.UtcNow)));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        manager.ShouldNotBeNull().LastKnownGoodConfiguration.ShouldBeNull();
    }

    [Fact]
    public async Task Claims_KeepTheirJwtNames_WithoutMappingProperties()
    {
        ClaimsPrincipal? seen = null;
        await using MintedApiHost h = await MintedApiHost.StartAsync(jwt: o => o.Events = new JwtBearerEvents
        {
            OnTokenValidated = c =>
            {
                seen = c.Principal;
                return Task.CompletedTask;
            },
        });

        using HttpResponseMessage response = await h.GetAsync("/me", h.Minter.Mint(JwtMinter.AccessClaims(MintedApiHost.Client, "orders/read", DateTimeOffset.UtcNow)));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ClaimsPrincipal user = seen.ShouldNotBeNull();
        user.FindFirst("sub").ShouldNotBeNull().Value.ShouldBe(MintedApiHost.Client);
        user.FindFirst("client_id").ShouldNotBeNull();
        user.FindFirst(ClaimTypes.NameIdentifier).ShouldBeNull();
        user.Identity!.Name.ShouldBe(MintedApiHost.Client);
        user.Claims.ShouldAllBe(c => c.Properties.Count == 0);
    }
}
