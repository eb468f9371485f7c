using System.Net;
using Microsoft.Extensions.Time.Testing;
using ServiceAuth.Client.AspNetCore.IdentityTokens;
using ServiceAuth.Client.AspNetCore.IdentityTokens.Internal;
using ServiceAuth.Client.AspNetCore.Tests.Support;
using ServiceAuth.Client.IdentityTokens;

namespace ServiceAuth.Client.AspNetCore.Tests.IdentityTokens.Adversarial;

/// <summary>Issue 19 item 4: challenge binding cannot be turned against everyone.</summary>
public sealed class ChallengeFloodTests
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);
    private readonly FakeTimeProvider _time = new(Principals.Start);

    [Fact]
    public void FullSet_EvictsTheOldest_AndNeverRefusesAValidFreshChallenge()
    {
        var issuer = new ChallengeIssuer(new byte[32], Lifetime, TimeSpan.FromMinutes(1), _time);

        for (int i = 0; i < ChallengeIssuer.MaxRemembered + 100; i++)
        {
            issuer.Consume(issuer.Issue()).ShouldBeNull($"fresh challenge {i}");
        }

        issuer.Remembered.ShouldBe(ChallengeIssuer.MaxRemembered);
    }

    [Fact]
    public void UsedChallenges_AreForgottenAsTheyExpire_NotOnlyWhenTheSetIsHalfFull()
    {
        var issuer = new ChallengeIssuer(new byte[32], Lifetime, TimeSpan.FromMinutes(1), _time);
        for (int i = 0; i < 1000; i++)
        {
            issuer.Consume(issuer.Issue()).ShouldBeNull();
        }

        _time.Advance(Lifetime + TimeSpan.FromSeconds(1));
        issuer.Consume(issuer.Issue()).ShouldBeNull();

        issuer.Remembered.ShouldBe(1);
    }

    [Fact]
    public void Check_DoesNotConsume_Consume_DoesOnce()
    {
        var issuer = new ChallengeIssuer(new byte[32], Lifetime, TimeSpan.FromMinutes(1), _time);
        string challenge = issuer.Issue();

        issuer.Check(challenge).ShouldBeNull();
        issuer.Check(challenge).ShouldBeNull();
        issuer.Consume(challenge).ShouldBeNull();
        issuer.Check(challenge).ShouldBe("the challenge was used already");
        issuer.Consume(challenge).ShouldBe("the challenge was used already");
    }

    [Fact]
    public async Task StsFailure_DoesNotUseUpTheChallenge()
    {
        await using AttackBed bed = await AttackBed.StartAsync(o => o.RequireChallenge = true);
        IamIdentityToken token = await bed.A.Tokens.GetChallengeTokenAsync(await ChallengeAsync(bed));
        bed.Aws.Faults.FailNextRequests(1, 500);

        (await bed.RefuseAsync(token.Value)).Reason.ShouldBe(IamIdentityTokenFailureReason.StsFailed);
        using HttpResponseMessage retried = await bed.B.GetAsync("whoami", token.Value);

        retried.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ForgedTokensCarryingAValidChallenge_DoNotUseItUp()
    {
        await using AttackBed bed = await AttackBed.StartAsync(o => o.RequireChallenge = true);
        IamIdentityToken token = await bed.A.Tokens.GetChallengeTokenAsync(await ChallengeAsync(bed));

        for (int i = 0; i < 20; i++)
        {
            (await bed.RefuseAsync(Forgery.Forge(token.Value))).Reason.ShouldBe(IamIdentityTokenFailureReason.StsRejected);
        }

        using HttpResponseMessage genuine = await bed.B.GetAsync("whoami", token.Value);
        genuine.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AccountNotAllowed_DoesNotUseUpTheChallenge()
    {
        await using AttackBed bed = await AttackBed.StartAsync(o =>
        {
            o.RequireChallenge = true;
            o.AllowedAccounts.Clear();
            o.AllowedAccounts.Add("999999999999");
        });
        string challenge = await ChallengeAsync(bed);
        IamIdentityToken token = await bed.A.Tokens.GetChallengeTokenAsync(challenge);

        (await bed.RefuseAsync(token.Value)).Reason.ShouldBe(IamIdentityTokenFailureReason.AccountNotAllowed);

        IdentityTokenSchemeState state = SchemeStateOf.State(bed.B, bed.Time);
        state.Challenges.Check(challenge).ShouldBeNull();
        state.Challenges.Remembered.ShouldBe(0);
    }

    private static async Task<string> ChallengeAsync(AttackBed bed)
    {
        using HttpResponseMessage response = await bed.B.GetAsync("whoami", null);
        string parameter = response.Headers.WwwAuthenticate.Single().Parameter!;
        return parameter["sa_challenge=\"".Length..^1];
    }
}
