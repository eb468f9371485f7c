using Microsoft.Extensions.Caching.StackExchangeRedis;
using ServiceAuth.Client.Caching.Internal;
using ServiceAuth.Client.IntegrationTests.Caching;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace ServiceAuth.Client.IntegrationTests.Fleet;

/// <summary>The fleet on a real <c>redis-server</c> (docs/performance.md, "Fleet"): 1,000 processes share one Redis for the
/// token and the lease (one connection, as the simulation's shortcut: connections are not what is measured).</summary>
public sealed class FleetRedisTests(ITestOutputHelper output)
{
    private const int Processes = 1_000;
    private readonly FakeTimeProvider _time = new(TestClock.Start);

    [RedisFact]
    public async Task ThousandProcesses_ColdStartTogether_MakeAtMostThreeTokenRequests()
    {
        await using RedisServer redis = await RedisServer.StartAsync();
        await using ConnectionMultiplexer connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var idp = new SimulatedIdentityProvider(_time);
        using var fleet = new FleetOfProcesses(Processes, _time, Cache(connection), new RedisTokenLease(connection), idp);

        var (tokens, failures, longest) = await fleet.CallAllAsync();

        output.WriteLine($"fleet={Processes} store=redis cold-start token-requests={idp.Count} failures={failures} longest-wait-real={longest.TotalMilliseconds:F0}ms");
        failures.ShouldBe(0);
        tokens.ShouldAllBe(t => t != null);
        idp.Count.ShouldBeLessThanOrEqualTo(3);
    }

    [RedisFact]
    public async Task RedisDown_EveryProcessStillGetsATokenWithinABoundedDelay()
    {
        await using RedisServer redis = await RedisServer.StartAsync();
        await using ConnectionMultiplexer connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        await redis.StopAsync();
        var idp = new SimulatedIdentityProvider(_time);
        using var fleet = new FleetOfProcesses(Processes, _time, Cache(connection), new RedisTokenLease(connection), idp);

        var (tokens, failures, longest) = await fleet.CallAllAsync();

        output.WriteLine($"fleet={Processes} store=redis-down token-requests={idp.Count} failures={failures} longest-wait-real={longest.TotalMilliseconds:F0}ms");
        failures.ShouldBe(0);
        tokens.ShouldAllBe(t => t != null);
        longest.ShouldBeLessThan(TimeSpan.FromSeconds(10), "Redis timeouts (1 s here) bound the delay, not the lease wait");
    }

    private static RedisCache Cache(ConnectionMultiplexer connection) =>
        new(new RedisCacheOptions { ConnectionMultiplexerFactory = () => Task.FromResult<IConnectionMultiplexer>(connection) });
}
