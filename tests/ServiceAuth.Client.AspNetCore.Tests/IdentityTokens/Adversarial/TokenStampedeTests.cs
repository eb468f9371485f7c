using System.Net;
using ServiceAuth.Client.AspNetCore.Tests.Support;

namespace ServiceAuth.Client.AspNetCore.Tests.IdentityTokens.Adversarial;

/// <summary>Issue 19 item 2: one STS call per distinct token in flight; concurrent requests share its outcome.</summary>
public sealed class TokenStampedeTests
{
    [Fact]
    public async Task TwoHundredConcurrentRequestsWithOneFreshToken_OneStsCall_AllAccepted()
    {
        var sts = new DelayedSts(TimeSpan.FromSeconds(1));
        await using AttackBed bed = await AttackBed.StartAsync(stsHandler: sts.On);
        sts.Time = bed.Time;
        string token = await bed.A.MintAsync();

        Task<HttpResponseMessage>[] requests = [.. Enumerable.Range(0, 200).Select(_ => bed.B.GetAsync("whoami", token))];
        await Eventually.UntilAsync(() => sts.InFlight > 0, "the token reaches STS");
        bed.Time.Advance(TimeSpan.FromSeconds(1));

        HttpResponseMessage[] responses = await Eventually.Within(Task.WhenAll(requests));
        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        sts.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task SharedFlightRefused_EveryRequestIsRefused_AndTheNextOneAsksAgain()
    {
        await using AttackBed bed = await AttackBed.StartAsync();
        string token = await bed.A.MintAsync();
        bed.Aws.Faults.FailNextRequests(1, 500);

        (await bed.RefuseAsync(token)).Reason.ShouldBe(ServiceAuth.Client.AspNetCore.IdentityTokens.IamIdentityTokenFailureReason.StsFailed);
        using HttpResponseMessage retried = await bed.B.GetAsync("whoami", token);

        retried.StatusCode.ShouldBe(HttpStatusCode.OK, "a failed flight is not remembered");
        bed.StsCalls.ShouldBe(2);
    }
}
