using System.Net;
using ServiceAuth.Client.AspNetCore.IdentityTokens;
using ServiceAuth.Client.AspNetCore.Tests.Support;
using ServiceAuth.Client.IdentityTokens;

namespace ServiceAuth.Client.AspNetCore.Tests.IdentityTokens;

/// <summary>The optional replay binding: B issues a challenge in its 401, A signs it into the token, B accepts it once.</summary>
public sealed class ChallengeBindingTests
{
    [Fact]
    public async Task ChallengeRequired_CallerAnswersTheChallengeByItself_Accepted()
    {
        await using AttackBed bed = await AttackBed.StartAsync(o => o.RequireChallenge = true);

        using HttpResponseMessage response = await bed.A.HttpClient.GetAsync("whoami");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        bed.B.LastRefusal().Reason.ShouldBe(IamIdentityTokenFailureReason.ChallengeRequired, "the first, unbound attempt");
    }

    [Fact]
    public async Task ChallengeRequired_401CarriesAChallenge()
    {
        await using AttackBed bed = await AttackBed.StartAsync(o => o.RequireChallenge = true);

        using HttpResponseMessage response = await bed.B.GetAsync("whoami", null);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().ShouldStartWith("Bearer sa_challenge=\"");
    }

    [Fact]
    public async Task ChallengeBoundToken_Replayed_IsRefused()
    {
        await using AttackBed bed = await AttackBed.StartAsync(o => o.RequireChallenge = true);
        string challenge = await ChallengeAsync(bed);
        IamIdentityToken token = await bed.A.Tokens.GetChallengeTokenAsync(challenge);
        (await bed.B.GetAsync("whoami", token.Value)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var refusal = await bed.RefuseAsync(token.Value);

        refusal.Reason.ShouldBe(IamIdentityTokenFailureReason.ChallengeInvalid);
        refusal.Detail.ShouldBe("the challenge was used already");
    }

    [Fact]
    public async Task ForgedChallenge_IsRefused()
    {
        await using AttackBed bed = await AttackBed.StartAsync(o => o.RequireChallenge = true);
        IamIdentityToken token = await bed.A.Tokens.GetChallengeTokenAsync("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        var refusal = await bed.RefuseAsync(token.Value);

        refusal.Reason.ShouldBe(IamIdentityTokenFailureReason.ChallengeInvalid);
        refusal.Detail.ShouldBe("the challenge was not issued by this service");
        bed.StsCalls.ShouldBe(0);
    }

    [Fact]
    public async Task StaleChallenge_IsRefused()
    {
        await using AttackBed bed = await AttackBed.StartAsync(o => o.RequireChallenge = true);
        string challenge = await ChallengeAsync(bed);
        bed.Time.Advance(TimeSpan.FromMinutes(3));
        IamIdentityToken token = await bed.A.Tokens.GetChallengeTokenAsync(challenge);

        (await bed.RefuseAsync(token.Value)).Detail.ShouldBe("the challenge has expired");
    }

    [Fact]
    public async Task ChallengeBoundToken_WhenBindingIsOff_IsRefused()
    {
        await using AttackBed bed = await AttackBed.StartAsync();
        IamIdentityToken token = await bed.A.Tokens.GetChallengeTokenAsync("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        (await bed.RefuseAsync(token.Value)).Reason.ShouldBe(IamIdentityTokenFailureReason.UnexpectedChallenge);
    }

    private static async Task<string> ChallengeAsync(AttackBed bed)
    {
        using HttpResponseMessage response = await bed.B.GetAsync("whoami", null);
        string parameter = response.Headers.WwwAuthenticate.Single().Parameter!;
        return parameter["sa_challenge=\"".Length..^1];
    }
}
