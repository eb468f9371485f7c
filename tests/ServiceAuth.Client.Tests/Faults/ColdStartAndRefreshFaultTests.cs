using System.Net;

namespace ServiceAuth.Client.Tests.Faults;

/// <summary>Issue 9 fault suite: cold starts and long runs.</summary>
public sealed class ColdStartAndRefreshFaultTests
{
    [Fact]
    public async Task ThousandColdConcurrentRequests_OneStsCall()
    {
        using var rig = new FaultRig();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        rig.Sts.Behavior = async _ =>
        {
            await gate.Task;
            return rig.Sts.Success();
        };

        Task<HttpResponseMessage>[] requests = [.. Enumerable.Range(0, 1000).Select(_ => Task.Run(() => rig.GetAsync()))];
        await Eventually.UntilAsync(() => rig.Sts.Calls == 1, "the first request reaches STS");
        gate.SetResult();
        HttpResponseMessage[] responses = await Task.WhenAll(requests);

        rig.Sts.Calls.ShouldBe(1);
        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        rig.Target.Requests.Select(r => r.AccessKeyId).Distinct().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task NineHundredSecondSessions_OverTwoHours_NoRefreshStorm()
    {
        using var rig = new FaultRig(durationSeconds: 900);
        int failed = 0;

        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(2); elapsed += TimeSpan.FromSeconds(10))
        {
            using HttpResponseMessage response = await rig.GetAsync();
            failed += response.IsSuccessStatusCode ? 0 : 1;
            await Eventually.UntilAsync(() => rig.Logs.Collector.Lines().Count(l => l.Contains("[204]", StringComparison.Ordinal)) == rig.Sts.Calls, "a started refresh reaches STS");
            rig.Time.Advance(TimeSpan.FromSeconds(10));
        }

        // A 15-minute session is refreshed 5 minutes before it expires, moved later by this cache's fleet spread (up to
        // 2 minutes: half the time to the mandatory window): one STS call every 10 to 12 minutes, 10 to 14 in 2 hours.
        failed.ShouldBe(0);
        rig.Sts.Calls.ShouldBeInRange(10, 14);
        rig.Target.Requests.Count.ShouldBe(720);
    }
}
