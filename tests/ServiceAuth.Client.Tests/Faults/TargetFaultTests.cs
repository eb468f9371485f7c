using System.Net;
using ServiceAuth.Client.Tests.Support;

namespace ServiceAuth.Client.Tests.Faults;

/// <summary>Issue 9 fault suite: a target that rejects the credentials or whose clock is off, and what reaches the logs.</summary>
public sealed class TargetFaultTests
{
    [Fact]
    public async Task ExpiredTokenFromTheTargetOnce_OneNewStsCall_ResentWithTheNewKey()
    {
        using var rig = new FaultRig();
        rig.Target.Respond = (_, n) => n == 1 ? CapturingHandler.Error(HttpStatusCode.Forbidden, "ExpiredToken") : new HttpResponseMessage(HttpStatusCode.OK);

        using HttpResponseMessage response = await rig.GetAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        rig.Sts.Calls.ShouldBe(2);
        rig.Target.Requests.Count.ShouldBe(2);
        rig.Target.Requests[1].AccessKeyId.ShouldNotBe(rig.Target.Requests[0].AccessKeyId);
    }

    [Fact]
    public async Task ExpiredTokenFromTheTargetAlways_BoundedStsCalls()
    {
        using var rig = new FaultRig();
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
    public async Task ServerClock15MinutesAhead_CorrectedOnce()
    {
        using var rig = new FaultRig();
        rig.TargetClockAhead(TimeSpan.FromMinutes(15));

        for (int i = 0; i < 10; i++)
        {
            using HttpResponseMessage response = await rig.GetAsync();
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            rig.Time.Advance(TimeSpan.FromSeconds(30));
        }

        rig.Target.Requests.Count.ShouldBe(11);
        rig.Logs.Collector.Lines().Count(l => l.Contains("[151]", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task AtTrace_NoKeyTokenSignatureCookieOrApiKeyInAnyLogLine()
    {
        using var rig = new FaultRig(durationSeconds: 900);
        rig.Target.Respond = (_, n) => n switch
        {
            1 => CapturingHandler.Error(HttpStatusCode.Forbidden, "ExpiredToken"),
            3 => CapturingHandler.Error(HttpStatusCode.Forbidden, "RequestTimeTooSkewed", rig.Time.GetUtcNow().AddMinutes(10)),
            _ => new HttpResponseMessage(HttpStatusCode.OK),
        };

        for (int i = 0; i < 20; i++)
        {
            (await rig.GetAsync()).Dispose();
            rig.Time.Advance(TimeSpan.FromMinutes(1));
        }

        string all = string.Join('\n', rig.Logs.Collector.Lines());
        all.ShouldContain("[204]"); // refreshes were logged at all
        string[] signatures = [.. rig.Target.Requests.Select(r => r.Authorization!.Split("Signature=")[1])];
        string[] secrets = [FaultRig.Source.GetCredentials().SecretKey, "COOKIE-SECRET", FaultRig.ApiKey, .. signatures,
            .. Enumerable.Range(1, rig.Sts.Calls).SelectMany(i => new[] { $"secret-{i}\n", $"secret-{i} ", $"token-{i}\n", $"token-{i} " })];
        foreach (string line in rig.Logs.Collector.Lines())
        {
            foreach (string secret in secrets)
            {
                (line + "\n").ShouldNotContain(secret, Case.Sensitive);
            }
        }
    }
}
