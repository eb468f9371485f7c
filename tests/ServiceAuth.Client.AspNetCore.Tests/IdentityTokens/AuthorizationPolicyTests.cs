using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using ServiceAuth.Client.AspNetCore.IdentityTokens;
using ServiceAuth.Client.AspNetCore.IdentityTokens.Internal;

namespace ServiceAuth.Client.AspNetCore.Tests.IdentityTokens;

/// <summary>The resource-policy style helpers: exact role ARNs, documented wildcards, accounts.</summary>
public sealed class AuthorizationPolicyTests
{
    [Theory]
    [InlineData("arn:aws:iam::111111111111:role/orders-writer", "arn:aws:iam::111111111111:role/orders-writer", true)]
    [InlineData("arn:aws:iam::111111111111:role/orders-*", "arn:aws:iam::111111111111:role/orders-writer", true)]
    [InlineData("arn:aws:iam::111111111111:role/orders-*", "arn:aws:iam::111111111111:role/billing", false)]
    [InlineData("arn:aws:iam::111111111111:role/orders-*", "arn:aws:iam::222222222222:role/orders-writer", false)]
    [InlineData("arn:aws:iam::111111111111:role/orders-?", "arn:aws:iam::111111111111:role/orders-1", true)]
    [InlineData("arn:aws:iam::111111111111:role/orders-?", "arn:aws:iam::111111111111:role/orders-12", false)]
    [InlineData("arn:aws:iam::111111111111:role/Orders", "arn:aws:iam::111111111111:role/orders", false)]
    [InlineData("arn:aws:iam::111111111111:role/orders.writer", "arn:aws:iam::111111111111:role/ordersXwriter", false)]
    public async Task RequireAwsRole_MatchesExactlyOrByDocumentedWildcards(string pattern, string roleArn, bool allowed)
    {
        ClaimsPrincipal caller = Caller(new Claim(IamIdentityClaimTypes.RoleArn, roleArn), new Claim(IamIdentityClaimTypes.Account, roleArn[13..25]));

        (await AuthorizeAsync(p => p.RequireAwsRole(pattern), caller)).ShouldBe(allowed);
    }

    [Fact]
    public async Task RequireAwsRole_UserWithoutRole_IsDenied()
    {
        ClaimsPrincipal user = Caller(new Claim(IamIdentityClaimTypes.Arn, "arn:aws:iam::111111111111:user/orders-writer"));

        (await AuthorizeAsync(p => p.RequireAwsRole("arn:aws:iam::111111111111:role/*"), user)).ShouldBeFalse();
    }

    [Theory]
    [InlineData("111111111111", true)]
    [InlineData("222222222222", false)]
    public async Task RequireAwsAccount_AllowsListedAccountsOnly(string account, bool allowed)
    {
        ClaimsPrincipal caller = Caller(new Claim(IamIdentityClaimTypes.Account, account));

        (await AuthorizeAsync(p => p.RequireAwsAccount("111111111111", "333333333333"), caller)).ShouldBe(allowed);
    }

    [Fact]
    public async Task RoleAndAccountClaimsOfAnotherScheme_CountForNothing()
    {
        var jwt = new ClaimsIdentity(
            [new Claim(IamIdentityClaimTypes.RoleArn, "arn:aws:iam::111111111111:role/orders-writer"), new Claim(IamIdentityClaimTypes.Account, "111111111111")],
            "AuthenticationTypes.Federation");
        var spoofed = new ClaimsIdentity(jwt.Claims, IamIdentityTokenDefaults.AuthenticationScheme);

        (await AuthorizeAsync(p => p.RequireAwsRole("arn:aws:iam::111111111111:role/orders-*"), new ClaimsPrincipal(jwt))).ShouldBeFalse();
        (await AuthorizeAsync(p => p.RequireAwsAccount("111111111111"), new ClaimsPrincipal(jwt))).ShouldBeFalse();
        (await AuthorizeAsync(p => p.RequireAwsRole("arn:aws:iam::111111111111:role/orders-*"), new ClaimsPrincipal(spoofed))).ShouldBeFalse("only the verifier creates its identities");
        ClaimsPrincipal both = Caller(new Claim(IamIdentityClaimTypes.Account, "222222222222"));
        both.AddIdentity(jwt);
        (await AuthorizeAsync(p => p.RequireAwsAccount("111111111111"), both)).ShouldBeFalse();
    }

    private static ClaimsPrincipal Caller(params Claim[] claims)
    {
        var identity = new IamIdentityTokenIdentity(IamIdentityTokenDefaults.AuthenticationScheme);
        identity.AddClaims(claims);
        return new ClaimsPrincipal(identity);
    }

    private static async Task<bool> AuthorizeAsync(Action<AuthorizationPolicyBuilder> policy, ClaimsPrincipal user)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAuthorization(o => o.AddPolicy("p", policy));
        await using ServiceProvider provider = services.BuildServiceProvider();
        return (await provider.GetRequiredService<IAuthorizationService>().AuthorizeAsync(user, "p")).Succeeded;
    }
}
