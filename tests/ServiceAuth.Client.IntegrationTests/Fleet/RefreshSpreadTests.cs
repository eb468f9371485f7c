using System.Collections.Concurrent;
using Amazon.Runtime;
using Microsoft.Extensions.Logging.Abstractions;
using ServiceAuth.Client.ClientCredentials.Internal;
using ServiceAuth.Client.Credentials;
using ServiceAuth.Client.Credentials.Internal;
using ServiceAuth.Client.Protocol.Internal;
using Xunit.Abstractions;

namespace ServiceAuth.Client.IntegrationTests.Fleet;

/// <summary>A fleet started together spreads its refreshes (docs/credentials.md, docs/oauth.md): 1,000 processes with
/// 1-hour assume-role credentials and 1-hour tokens, cold-started in the same second, refresh over minutes, not in one
/// second; the cold starts are not delayed.</summary>
public sealed class RefreshSpreadTests(ITestOutputHelper output)
{
    private const int Processes = 1_000;
    private readonly FakeTimeProvider _time = new(TestClock.Start);
    private readonly Random _seeds = new(7);

    [Fact]
    public async Task AssumeRoleRefreshes_OfAFleetStartedTogether_SpreadOverMinutes()
    {
        var calls = new ConcurrentQueue<DateTimeOffset>();
        AssumeRoleParameters parameters = AssumeRoleParameters.From(new AssumeRoleOptions { RoleArn = "arn:aws:iam::111122223333:role/fleet" }, "eu-west-1");
        AssumedRoleCredentials[] fleet = [.. Enumerable.Range(0, Processes).Select(i => new AssumedRoleCredentials(parameters, _ =>
        {
            calls.Enqueue(_time.GetUtcNow());
            return Task.FromResult(new AssumeRoleResult(new ImmutableCredentials("ASIAFLEET" + i, "secret", "session"), _time.GetUtcNow().AddHours(1)));
        }, _time, new SystemRandomizer(new Random(_seeds.Next())), NullLogger.Instance))];

        await RunAsync(async () =>
        {
            await Task.WhenAll(fleet.Select(c => c.GetCredentialsAsync()));
            await Task.WhenAll(fleet.Select(c => (Task?)c.PendingRefresh ?? Task.CompletedTask));
        });

        Report("AssumeRole", calls);
    }

    [Fact]
    public async Task TokenRefreshes_OfAFleetStartedTogether_SpreadOverMinutes()
    {
        var idp = new SimulatedIdentityProvider(_time);
        TokenEntry[] fleet = [.. Enumerable.Range(0, Processes).Select(i =>
            new TokenEntry("client 'fleet'", idp.FetchAsync, _time, new SystemRandomizer(new Random(_seeds.Next())), NullLogger.Instance))];

        await RunAsync(async () =>
        {
            await Task.WhenAll(fleet.Select(e => e.GetTokenAsync(CancellationToken.None).AsTask()));
            await Task.WhenAll(fleet.Select(e => (Task?)e.PendingRefresh ?? Task.CompletedTask));
        });

        Report("token", idp.Requests);
    }

    private async Task RunAsync(Func<Task> callAll)
    {
        await callAll();
        for (int step = 0; step < 6 * 60; step++)
        {
            _time.Advance(TimeSpan.FromSeconds(10));
            await callAll();
        }
    }

    private void Report(string what, IEnumerable<DateTimeOffset> calls)
    {
        TimeSpan[] at = [.. calls.Select(c => c - TestClock.Start).Order()];
        TimeSpan[] cold = [.. at.Where(t => t == TimeSpan.Zero)];
        TimeSpan[] refreshes = [.. at.Where(t => t > TimeSpan.Zero)];
        output.WriteLine($"fleet={Processes} {what}: cold-start calls={cold.Length} at 0s; refreshes={refreshes.Length} from minute {refreshes[0].TotalMinutes:F2} to {refreshes[^1].TotalMinutes:F2}; busiest second {refreshes.GroupBy(t => (long)t.TotalSeconds).Max(g => g.Count())} calls");
        cold.Length.ShouldBe(Processes, "cold starts are not delayed");
        refreshes.Length.ShouldBe(Processes, "one refresh per process in the hour");
        (refreshes[^1] - refreshes[0]).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMinutes(1));
        refreshes.ShouldAllBe(t => t >= TimeSpan.FromMinutes(45) && t < TimeSpan.FromMinutes(59), "within the advisory window, before the mandatory one");
    }
}
