using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServiceAuth.Client.AspNetCore.IdentityTokens;
using ServiceAuth.Client.AspNetCore.Tests.Support;

namespace ServiceAuth.Client.AspNetCore.Tests.IdentityTokens;

/// <summary>Issue 20: the cached path answers like the full path and never skips a check whose answer can change for
/// the same token (the window, the options).</summary>
public sealed class CachedPathTests
{
    [Fact]
    public async Task Hit_GivesTheSameClaimsAsTheFullPath_WithoutAnotherStsCall()
    {
        await using AttackBed bed = await AttackBed.StartAsync();
        string token = await bed.A.MintAsync();

        string full = await (await bed.B.GetAsync("whoami", token)).Content.ReadAsStringAsync();
        using HttpResponseMessage hit = await bed.B.GetAsync("account-a", token);
        string cached = await (await bed.B.GetAsync("whoami", token)).Content.ReadAsStringAsync();

        hit.StatusCode.ShouldBe(HttpStatusCode.OK, "RequireAwsAccount accepts the identity a hit hands out");
        cached.ShouldBe(full);
        bed.StsCalls.ShouldBe(1);
    }

    [Fact]
    public async Task Hit_AfterAllowedAccountsNarrowed_IsRefused()
    {
        await using AttackBed bed = await AttackBed.StartAsync();
        string token = await bed.A.MintAsync();
        (await bed.B.GetAsync("whoami", token)).StatusCode.ShouldBe(HttpStatusCode.OK);

        Options(bed).AllowedAccounts.Clear();
        Options(bed).AllowedAccounts.Add("999999999999");

        (await bed.RefuseAsync(token)).Reason.ShouldBe(IamIdentityTokenFailureReason.AccountNotAllowed);
        bed.StsCalls.ShouldBe(1);
    }

    [Fact]
    public async Task Hit_AfterAudienceChanged_IsRefused()
    {
        await using AttackBed bed = await AttackBed.StartAsync();
        string token = await bed.A.MintAsync();
        (await bed.B.GetAsync("whoami", token)).StatusCode.ShouldBe(HttpStatusCode.OK);

        Options(bed).Audience = "service-c";

        (await bed.RefuseAsync(token)).Reason.ShouldBe(IamIdentityTokenFailureReason.AudienceMismatch);
    }

    [Fact]
    public async Task Hit_AfterTheWindow_IsRefusedWithoutStsCall_JustBefore_IsAccepted()
    {
        await using AttackBed bed = await AttackBed.StartAsync();
        string token = await bed.A.MintAsync();
        (await bed.B.GetAsync("whoami", token)).StatusCode.ShouldBe(HttpStatusCode.OK);

        bed.Time.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1));
        (await bed.B.GetAsync("whoami", token)).StatusCode.ShouldBe(HttpStatusCode.OK);
        bed.Time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(2));

        (await bed.RefuseAsync(token)).Reason.ShouldBe(IamIdentityTokenFailureReason.Expired);
        bed.StsCalls.ShouldBe(1);
    }

    [Fact]
    public async Task PrincipalChangedByTheApplication_DoesNotLeakIntoTheNextRequest()
    {
        await using AttackBed bed = await AttackBed.StartAsync(services: s => s.AddTransient<IClaimsTransformation, AddsAClaim>());
        string token = await bed.A.MintAsync();

        await bed.B.GetAsync("whoami", token);
        await bed.B.GetAsync("whoami", token);
        string third = await (await bed.B.GetAsync("whoami", token)).Content.ReadAsStringAsync();

        third.Split('\n').Count(l => l == "added=1").ShouldBe(1);
    }

    private static IamIdentityTokenAuthenticationOptions Options(AttackBed bed) =>
        bed.B.Services.GetRequiredService<IOptionsMonitor<IamIdentityTokenAuthenticationOptions>>().Get(IamIdentityTokenDefaults.AuthenticationScheme);

    private sealed class AddsAClaim : IClaimsTransformation
    {
        public Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
        {
            ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim("added", "1"));
            return Task.FromResult(principal);
        }
    }
}
