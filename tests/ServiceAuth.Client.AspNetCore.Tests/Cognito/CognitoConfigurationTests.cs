using System.Net;
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
}
