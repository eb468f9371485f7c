using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using ServiceAuth.Client.IntegrationTests.Testing;
using StackExchange.Redis;

namespace ServiceAuth.Client.IntegrationTests.Caching;

/// <summary>Fleet sharing against a real redis-server: two service providers stand for two processes, the local Cognito
/// pool is the identity provider.</summary>
public sealed class FleetSharingTests : IDisposable
{
    private readonly DirectoryInfo _keys = Directory.CreateTempSubdirectory("serviceauth-dp-");

    [RedisFact]
    public async Task TwoProcessesSharingRedis_MakeOneTokenRequest()
    {
        await using RedisServer redis = await RedisServer.StartAsync();
        await using CognitoFixture f = await CognitoFixture.CreateAsync(inMemory: false);
        var targetA = new CapturingHandler();
        var targetB = new CapturingHandler();
        using ServiceProvider a = Process(f, redis, targetA);
        using ServiceProvider b = Process(f, redis, targetB);

        await CallAsync(a);
        await FleetProcess.WrittenAsync(a);
        await CallAsync(b);
        await CallAsync(b);

        f.Pool.TokenRequestCount.ShouldBe(1);
        targetB.Requests[0].Authorization.ShouldBe(targetA.Requests[0].Authorization);
    }

    [RedisFact]
    public async Task TheTokenInRedis_IsNotInClear()
    {
        await using RedisServer redis = await RedisServer.StartAsync();
        await using CognitoFixture f = await CognitoFixture.CreateAsync(inMemory: false);
        var target = new CapturingHandler();
        using ServiceProvider a = Process(f, redis, target);

        await CallAsync(a);
        await FleetProcess.WrittenAsync(a);

        string token = target.Requests[0].Authorization!["Bearer ".Length..];
        await using ConnectionMultiplexer connection = await ConnectionMultiplexer.ConnectAsync(redis.InspectionConfiguration);
        RedisKey[] keys = [.. connection.GetServer("127.0.0.1", redis.Port).Keys(pattern: "*")];
                keys.ShouldHaveSingleItem().ToString().ShouldStartWith("ServiceAuth.Client:token:");
        HashEntry[] fields = await connection.GetDatabase().HashGetAllAsync(keys[0]);
        byte[] stored = (byte[])fields.Single(e => e.Name == "data").Value!;
        stored.Length.ShouldBeGreaterThan(token.Length, "the entry holds the token, encrypted");
        string text = Encoding.UTF8.GetString(stored) + Encoding.Latin1.GetString(stored);
        text.ShouldNotContain(token);
        foreach (string part in token.Split('.'))
        {
            text.ShouldNotContain(part);
        }
    }

    [RedisFact]
    public async Task RedisStopped_RequestsStillSucceedThroughTheIdentityProvider()
    {
        await using RedisServer redis = await RedisServer.StartAsync();
        await using CognitoFixture f = await CognitoFixture.CreateAsync(inMemory: false);
        var target = new CapturingHandler();
        using ServiceProvider a = Process(f, redis, target);
        var logs = new FakeLoggerProvider();
        using ServiceProvider b = Process(f, redis, target, logs);
        await CallAsync(a);
        await FleetProcess.WrittenAsync(a);

        await redis.StopAsync();
        await CallAsync(b);
        await CallAsync(b);

        f.Pool.TokenRequestCount.ShouldBe(2, "process B could not read Redis, so it asked the pool once");
        target.Requests.Count.ShouldBe(3);
        target.Requests.ShouldAllBe(r => r.Authorization!.StartsWith("Bearer ", StringComparison.Ordinal));
        string.Join("\n", logs.Collector.Lines()).ShouldContain("ServiceAuth.Client.Caching [522] Could not read the shared access token", Case.Sensitive);
    }

    public void Dispose() => _keys.Delete(recursive: true);

    private static async Task CallAsync(ServiceProvider provider)
    {
        using HttpResponseMessage response = await FleetProcess.CallAsync(provider);
        response.EnsureSuccessStatusCode();
    }

    private ServiceProvider Process(CognitoFixture f, RedisServer redis, CapturingHandler target, FakeLoggerProvider? logs = null) =>
        FleetProcess.Start(f, _keys, target, redis, logs);
}
