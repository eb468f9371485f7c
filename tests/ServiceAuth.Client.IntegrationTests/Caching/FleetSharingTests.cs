using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
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

        string token = target.Requests[0].Authorization!["Bearer ".Length..];
        await using ConnectionMultiplexer connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
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

        await redis.StopAsync();
        await CallAsync(b);
        await CallAsync(b);

        f.Pool.TokenRequestCount.ShouldBe(2, "process B could not read Redis, so it asked the pool once");
        target.Requests.Count.ShouldBe(3);
        target.Requests.ShouldAllBe(r => r.Authorization!.StartsWith("Bearer ", StringComparison.Ordinal));
        string.Join("\n", logs.Collector.Lines()).ShouldContain("Microsoft.Extensions.Caching.Hybrid.HybridCache [6] Cache backend read failure", Case.Sensitive);
    }

    public void Dispose() => _keys.Delete(recursive: true);

    private static async Task CallAsync(ServiceProvider provider)
    {
        HttpClient client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("orders");
        using HttpResponseMessage response = await client.GetAsync(new Uri("https://orders.example/orders/1"));
        response.EnsureSuccessStatusCode();
    }

    private ServiceProvider Process(CognitoFixture f, RedisServer redis, CapturingHandler target, FakeLoggerProvider? logs = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(builder => builder.AddProvider(logs ?? new FakeLoggerProvider()));
        services.AddStackExchangeRedisCache(o => o.Configuration = redis.Configuration);
        services.AddDataProtection().SetApplicationName("fleet-sharing-tests").PersistKeysToFileSystem(_keys);
        services.AddClientCredentialsHybridCache();
        services.AddHttpClient("orders").ConfigurePrimaryHttpMessageHandler(() => target).AddClientCredentialsToken(o =>
        {
            o.TokenEndpoint = f.Pool.TokenEndpoint;
            o.ClientId = f.Reader.ClientId;
            o.ClientSecret = f.Reader.ClientSecret;
            o.Scopes.Add("orders/read");
        });
        return services.BuildServiceProvider();
    }
}
