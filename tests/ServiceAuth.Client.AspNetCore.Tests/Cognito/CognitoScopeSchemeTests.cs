using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using ServiceAuth.Client.AspNetCore.Cognito;

namespace ServiceAuth.Client.AspNetCore.Tests.Cognito;

/// <summary><c>RequireCognitoScope</c> reads only the claims of an identity a Cognito scheme authenticated.</summary>
public sealed class CognitoScopeSchemeTests
{
    [Fact]
    public async Task Scope_OfACognitoSchemeIdentity_Succeeds()
    {
        bool allowed = await AuthorizeAsync(Identity(CognitoDefaults.AuthenticationScheme, "orders/read"));

        allowed.ShouldBeTrue();
    }

    [Fact]
    public async Task Scope_OfAnotherSchemesIdentity_DoesNotCount()
    {
        ClaimsPrincipal user = Identity(CognitoDefaults.AuthenticationScheme, "orders/write");
        user.AddIdentity(Identity("IamIdentityToken", "orders/read").Identities.Single());

        bool allowed = await AuthorizeAsync(user);

        allowed.ShouldBeFalse("a scope claim from another scheme (for example a user-controlled attribute) is not a Cognito scope");
    }

    [Fact]
    public async Task Scope_OfANamedCognitoScheme_Succeeds()
    {
        bool allowed = await AuthorizeAsync(Identity("PartnerPool", "orders/read"), "PartnerPool");

        allowed.ShouldBeTrue();
    }

    private static ClaimsPrincipal Identity(string authenticationType, string scope) =>
        new(new ClaimsIdentity([new Claim("client_id", "c"), new Claim(CognitoDefaults.ScopeClaimType, scope)], authenticationType));

    private static async Task<bool> AuthorizeAsync(ClaimsPrincipal user, string scheme = CognitoDefaults.AuthenticationScheme)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAuthorization();
        services.AddAuthentication().AddCognitoJwtBearer(scheme, o =>
        {
            o.UserPoolId = "eu-west-1_AbCdEf123";
            o.AppClientIds.Add("c");
        });
        await using ServiceProvider provider = services.BuildServiceProvider();
        AuthorizationPolicy policy = new AuthorizationPolicyBuilder().RequireCognitoScope("orders/read").Build();
        return (await provider.GetRequiredService<IAuthorizationService>().AuthorizeAsync(user, null, policy)).Succeeded;
    }
}
