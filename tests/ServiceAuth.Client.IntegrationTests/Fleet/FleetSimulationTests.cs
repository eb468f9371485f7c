using ServiceAuth.Client.Caching.Internal;
using Xunit.Abstractions;

namespace ServiceAuth.Client.IntegrationTests.Fleet;

/// <summary>The simulated fleet (docs/performance.md, "Fleet"): processes sharing a store and an in-memory lease on fake
/// time; counts the token requests per cold start and per hour, and what an outage does.</summary>
public sealed class FleetSimulationTests(ITestOutputHelper output)
{
    private readonly FakeTimeProvider _time = new(TestClock.Start);

    [Fact]
    public async Task TenThousandProcesses_ColdStartTogether_MakeAtMostThreeTokenRequests()
    {
        var idp = new SimulatedIdentityProvider(_time);
        using var fleet = new FleetOfProcesses(10_000, _time, new SimulatedDistributedCache(_time), new InMemoryTokenLease(_time), idp);

        var (tokens, failures, longest) = await fleet.CallAllAsync();

        output.WriteLine($"fleet=10000 store=simulated cold-start token-requests={idp.Count} failures={failures} longest-wait-real={longest.TotalMilliseconds:F0}ms");
        failures.ShouldBe(0);
        tokens.ShouldAllBe(t => t != null);
        idp.Count.ShouldBeLessThanOrEqualTo(3);
    }

    [Fact]
    public async Task SteadyState_AFleetMakesOneTokenRequestPerRefreshWindow()
    {
        var idp = new SimulatedIdentityProvider(_time);
        using var fleet = new FleetOfProcesses(1_000, _time, new SimulatedDistributedCache(_time), new InMemoryTokenLease(_time), idp);
        await fleet.CallAllAsync();

        await fleet.RunAsync(TimeSpan.FromHours(3), TimeSpan.FromSeconds(30));

        DateTimeOffset[] requests = [.. idp.Requests];
        output.WriteLine($"fleet=1000 store=simulated 3h token-requests={requests.Length} at minutes {string.Join(", ", requests.Select(r => (r - TestClock.Start).TotalMinutes.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)))}");
        requests.Length.ShouldBeLessThanOrEqualTo(5, "cold start, then one per 45-minute refresh window");
        requests.Zip(requests.Skip(1), (a, b) => b - a).ShouldAllBe(gap => gap > TimeSpan.FromMinutes(30), "never two token requests in one refresh window");
    }

    [Fact]
    public async Task LeaseHolderDies_OneWaiterTakesOverWhenTheLeaseExpires()
    {
        var idp = new SimulatedIdentityProvider(_time);
        var lease = new InMemoryTokenLease(_time);
        using var fleet = new FleetOfProcesses(1_000, _time, new SimulatedDistributedCache(_time), lease, idp);
        (await lease.TryAcquireAsync("ServiceAuth.Client:token:v2:fleet", FleetLeasePolicy.LeaseTime)).Acquired.ShouldBeTrue("a process took the lease and died");

        TimeSpan waited = await DriveAsync(fleet, fleet.CallAllAsync());

        output.WriteLine($"fleet=1000 store=simulated lease-holder-died token-requests={idp.Count} longest-wait-fake={waited.TotalSeconds:F1}s");
        idp.Count.ShouldBeLessThanOrEqualTo(3);
        waited.ShouldBeLessThanOrEqualTo(FleetLeasePolicy.LeaseTime + FleetLeasePolicy.PollInterval + TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task LeaseSlow_EveryProcessFetchesItselfAfterTheOperationTimeout()
    {
        var idp = new SimulatedIdentityProvider(_time);
        using var fleet = new FleetOfProcesses(1_000, _time, new SimulatedDistributedCache(_time), new HangingLease(), idp);

        TimeSpan waited = await DriveAsync(fleet, fleet.CallAllAsync());

        output.WriteLine($"fleet=1000 store=simulated lease-hangs token-requests={idp.Count} longest-wait-fake={waited.TotalSeconds:F1}s");
        idp.Count.ShouldBe(1_000);
        // The lease call gives up after OperationTimeout; the rest is the driven clock's 100-ms steps while 1,000
        // continuations reach the (instant) identity provider on a 2-core machine: a bounded delay, never a hang.
        waited.ShouldBeLessThanOrEqualTo(FleetLeasePolicy.OperationTimeout + TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public async Task StoreDown_EveryProcessGetsATokenWithoutWaiting()
    {
        var idp = new SimulatedIdentityProvider(_time);
        using var fleet = new FleetOfProcesses(1_000, _time, new SimulatedDistributedCache(_time) { Down = true }, new InMemoryTokenLease(_time), idp);

        var (tokens, failures, _) = await fleet.CallAllAsync();

        output.WriteLine($"fleet=1000 store=down token-requests={idp.Count} failures={failures}");
        failures.ShouldBe(0);
        tokens.ShouldAllBe(t => t != null);
        idp.Count.ShouldBe(1_000);
    }

    [Fact]
    public async Task IdentityProviderDown_ColdFleetFailsFastThenRecoversWithFewRequests()
    {
        var idp = new SimulatedIdentityProvider(_time) { Down = true };
        using var fleet = new FleetOfProcesses(1_000, _time, new SimulatedDistributedCache(_time), new InMemoryTokenLease(_time), idp);

        var (_, failures, _) = await fleet.CallAllAsync();
        int duringOutage = idp.Count;
        idp.Down = false;
        _time.Advance(TimeSpan.FromSeconds(5));
        var (tokens, failuresAfter, _) = await fleet.CallAllAsync();

        output.WriteLine($"fleet=1000 store=simulated idp-down token-requests={duringOutage} failures={failures}; recovered with {idp.Count - duringOutage} requests");
        failures.ShouldBe(1_000);
        failuresAfter.ShouldBe(0);
        tokens.ShouldAllBe(t => t != null);
        (idp.Count - duringOutage).ShouldBeLessThanOrEqualTo(3);
    }

    /// <summary>Advances fake time in 100 ms steps until <paramref name="run"/> completes, each step only when no process
    /// runs and nothing is queued or just taken (so every process waits on a timer); returns the fake time it took.</summary>
    private async Task<TimeSpan> DriveAsync(FleetOfProcesses fleet, Task run)
    {
        DateTimeOffset started = _time.GetUtcNow();
        await Eventually.DriveAsync(run, _time, TimeSpan.FromMilliseconds(100), idle: fleet.Activity.IsQuiet);
        await run;
        return _time.GetUtcNow() - started;
    }

    private sealed class HangingLease : ISharedTokenLease
    {
        public Task<LeaseAttempt> TryAcquireAsync(string key, TimeSpan ttl) => new TaskCompletionSource<LeaseAttempt>().Task;

        public Task ReleaseAsync(string key, long fence) => Task.CompletedTask;
    }
}
