using System.Net;
using ServiceAuth.Client.Credentials;
using ServiceAuth.Client.Tests.Support;

namespace ServiceAuth.Client.Tests.Faults;

/// <summary>Issue 9 fault suite: STS down, slow or wrong.</summary>
public sealed class StsFaultTests
{
    [Fact]
    public async Task ThirtyMinuteStsOutage_InsideTheRefreshWindow_NoFailedRequest_BoundedAttempts_Recovery()
    {
        using var rig = new FaultRig(durationSeconds: 7200); // 2-hour sessions: the advisory window is the last hour
        (await rig.GetAsync()).StatusCode.ShouldBe(HttpStatusCode.OK);
        string original = rig.Target.Requests[0].AccessKeyId!;
        rig.Time.Advance(TimeSpan.FromMinutes(61));
        rig.Sts.Behavior = _ => throw FakeSts.Error("Throttling");
        int failed = 0;

        for (int second = 0; second < 30 * 60; second += 5)
        {
            using HttpResponseMessage response = await rig.GetAsync();
            failed += response.IsSuccessStatusCode ? 0 : 1;
            await rig.SettleAsync();
            rig.Time.Advance(TimeSpan.FromSeconds(5));
        }

        int attempts = rig.Sts.Calls - 1;
        rig.Sts.Behavior = _ => Task.FromResult(rig.Sts.Success());
        rig.Time.Advance(TimeSpan.FromMinutes(10));
        await Eventually.UntilAsync(() => rig.GetAsync().Result.IsSuccessStatusCode && rig.Target.Requests[^1].AccessKeyId != original, "STS recovers and the new key is used");

        failed.ShouldBe(0);
        attempts.ShouldBeInRange(9, 21, $"attempts {attempts}"); // 3 attempts per refresh, at most 3 attempts per refresh, one refresh per 5–10 minute backoff
    }

    [Fact]
    public async Task ExpiredCredentials_StsDown_FailsFastWithAClearErrorNamingTheRole_NoSecret()
    {
        using var rig = new FaultRig();
        (await rig.GetAsync()).StatusCode.ShouldBe(HttpStatusCode.OK);
        rig.Sts.Behavior = _ => throw FakeSts.Error("ServiceUnavailable", HttpStatusCode.ServiceUnavailable);
        rig.Time.Advance(TimeSpan.FromMinutes(61));
        DateTimeOffset started = rig.Time.GetUtcNow();

        Task<HttpResponseMessage> sending = rig.GetAsync();
        await Eventually.DriveAsync(sending, rig.Time, TimeSpan.FromMilliseconds(100));
        var e = (await Record.ExceptionAsync(() => sending)).ShouldBeOfType<CredentialsUnavailableException>();

        // Fast: the attempts end within a refresh's 30-second total timeout (measured at the last STS call: the fake clock
        // driven while the failure travels back to the caller would measure the test machine, not the library).
        (rig.Sts.LastCallAt - started).ShouldBeLessThanOrEqualTo(TimeSpan.FromSeconds(31));
        e.RoleArn.ShouldBe(FaultRig.RoleArn);
        e.Message.ShouldContain(FaultRig.RoleArn);
        e.ToString().ShouldNotContain("source-secret-KEY");
        e.ToString().ShouldNotContain("secret-1");
        e.ToString().ShouldNotContain("token-1");
        e.ToString().ShouldNotContain("ASIA");
        rig.Sts.Calls.ShouldBeInRange(2, 4);
    }

    [Fact]
    public async Task StsAnswersAlreadyExpiredCredentials_ClearError_StsNotHammered()
    {
        using var rig = new FaultRig();
        rig.Sts.Behavior = _ =>
        {
            var response = rig.Sts.Success();
            response.Credentials.Expiration = rig.Time.GetUtcNow().UtcDateTime.AddMinutes(-1);
            return Task.FromResult(response);
        };

        for (int i = 0; i < 50; i++)
        {
            var e = (await Record.ExceptionAsync(() => rig.GetAsync())).ShouldBeOfType<CredentialsUnavailableException>();
            e.Message.ShouldContain("is the clock right?");
            rig.Time.Advance(TimeSpan.FromMilliseconds(100));
        }

        // 5 seconds of requests: the 1–5 second error cache lets STS see a handful of calls, not 50.
        rig.Sts.Calls.ShouldBeInRange(1, 5);
        rig.Target.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task StsHung_CallersCancellationEndsTheRequestAtOnce()
    {
        using var rig = new FaultRig();
        rig.Sts.Behavior = FakeSts.Hang;
        using var cts = new CancellationTokenSource();

        Task<HttpResponseMessage> sending = rig.GetAsync(cts.Token);
        await Eventually.UntilAsync(() => rig.Sts.Calls == 1, "the request reaches STS");
        rig.Time.Advance(TimeSpan.FromSeconds(2));
        cts.Cancel();

        (await Record.ExceptionAsync(() => sending.WaitAsync(TimeSpan.FromSeconds(20)))).ShouldBeAssignableTo<OperationCanceledException>();
        rig.Target.Requests.ShouldBeEmpty();
    }
}
