using System.Net;
using ServiceAuth.Client.Credentials;

namespace ServiceAuth.Client.Tests.Faults.Loopback;

/// <summary>Issue 9 fault suite, key scenarios through the public API only: the AWS SDK's STS client talks HTTP to a
/// loopback STS configured with <c>ConfigureStsClient</c>; time is fake, waits use gates, not sleeps.</summary>
public sealed class LoopbackStsFaultTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task ThousandColdConcurrentRequests_OneStsCall()
    {
        using var rig = new LoopbackStsRig();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        rig.Sts.Behavior = async n =>
        {
            await gate.Task;
            return rig.Sts.Success(n);
        };

        Task<HttpResponseMessage>[] requests = [.. Enumerable.Range(0, 1000).Select(_ => Task.Run(() => rig.GetAsync()))];
        await Eventually.UntilAsync(() => rig.Sts.Calls == 1, "the first request reaches STS");
        gate.SetResult();
        HttpResponseMessage[] responses = await Task.WhenAll(requests).WaitAsync(Guard);

        rig.Sts.Calls.ShouldBe(1);
        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        rig.Target.Requests.Select(r => r.AccessKeyId).Distinct().ShouldHaveSingleItem().ShouldBe("ASIA0000000000000001");
    }

    [Fact]
    public async Task ExpiredTokenFromTheTargetAlways_BoundedStsCalls()
    {
        using var rig = new LoopbackStsRig();
        rig.Target.Respond = (_, _) => CapturingHandler.Error(HttpStatusCode.Forbidden, "ExpiredToken");

        for (int i = 0; i < 600; i++)
        {
            using HttpResponseMessage response = await rig.GetAsync();
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            rig.Time.Advance(TimeSpan.FromMilliseconds(100));
        }

        // One minute of requests: the first STS call plus at most one forced refresh every 15 seconds.
        rig.Sts.Calls.ShouldBeInRange(2, 6);
    }

    [Fact]
    public async Task ExpiredTokenFromTheTargetOnce_OneNewStsCall_ResentWithTheNewKey()
    {
        using var rig = new LoopbackStsRig();
        rig.Target.Respond = (_, n) => n == 1 ? CapturingHandler.Error(HttpStatusCode.Forbidden, "ExpiredToken") : new HttpResponseMessage(HttpStatusCode.OK);

        using HttpResponseMessage response = await rig.GetAsync().WaitAsync(Guard);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        rig.Sts.Calls.ShouldBe(2);
        rig.Target.Requests.Select(r => r.AccessKeyId).ShouldBe(["ASIA0000000000000001", "ASIA0000000000000002"]);
    }

    [Fact]
    public async Task StsAnswersAlreadyExpiredCredentials_ClearError_StsNotHammered()
    {
        using var rig = new LoopbackStsRig();
        rig.Sts.Lifetime = TimeSpan.FromMinutes(-1);

        for (int i = 0; i < 50; i++)
        {
            var e = (await Record.ExceptionAsync(() => rig.GetAsync().WaitAsync(Guard))).ShouldBeOfType<CredentialsUnavailableException>();
            e.Message.ShouldContain("is the clock right?");
            rig.Time.Advance(TimeSpan.FromMilliseconds(100));
        }

        // 5 seconds of requests: the 1–5 second error cache lets STS see a handful of calls, not 50.
        rig.Sts.Calls.ShouldBeInRange(1, 5);
        rig.Target.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task StsHung_CallerCancellationEndsTheRequestAtOnce()
    {
        using var rig = new LoopbackStsRig();
        rig.Sts.Behavior = async _ =>
        {
            await rig.Sts.Stopped;
            return LoopbackSts.Error("ServiceUnavailable", HttpStatusCode.ServiceUnavailable);
        };
        using var cts = new CancellationTokenSource();

        Task<HttpResponseMessage> sending = rig.GetAsync(cts.Token);
        await Eventually.UntilAsync(() => rig.Sts.Calls == 1, "the request reaches STS");
        cts.Cancel();

        (await Record.ExceptionAsync(() => sending.WaitAsync(Guard))).ShouldBeAssignableTo<OperationCanceledException>();
        rig.Target.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task ExpiredCredentials_StsDown_FailsFastWithAClearErrorNamingTheRole_NoSecret()
    {
        using var rig = new LoopbackStsRig();
        (await rig.GetAsync()).StatusCode.ShouldBe(HttpStatusCode.OK);
        rig.Sts.Behavior = _ => Task.FromResult(LoopbackSts.Error("ServiceUnavailable", HttpStatusCode.ServiceUnavailable));
        rig.Time.Advance(TimeSpan.FromMinutes(61));
        DateTimeOffset started = rig.Time.GetUtcNow();

        Task<HttpResponseMessage> sending = rig.GetAsync();
        await Eventually.DriveAsync(sending, rig.Time, TimeSpan.FromMilliseconds(100), idle: () => rig.Sts.Idle);
        var e = (await Record.ExceptionAsync(() => sending)).ShouldBeOfType<CredentialsUnavailableException>();

        // Fast: the attempts end within the 30-second total timeout of a refresh (no 5–10 minute wait on a dead STS).
        (rig.Sts.LastCallAt - started).ShouldBeLessThanOrEqualTo(TimeSpan.FromSeconds(31));
        e.RoleArn.ShouldBe(LoopbackStsRig.RoleArn);
        e.Message.ShouldContain(LoopbackStsRig.RoleArn);
        string text = e.ToString();
        foreach (string secret in new[] { "source-secret-KEY", "loopback-secret", "loopback-token", "ASIA0000" })
        {
            text.ShouldNotContain(secret);
        }

        rig.Sts.Calls.ShouldBeInRange(2, 4);
        rig.Target.Requests.Count.ShouldBe(1);
    }
}
