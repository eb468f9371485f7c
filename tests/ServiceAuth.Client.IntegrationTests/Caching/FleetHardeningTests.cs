using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ServiceAuth.Client.ClientCredentials;
using ServiceAuth.Client.IntegrationTests.Testing;
using StackExchange.Redis;

namespace ServiceAuth.Client.IntegrationTests.Caching;

/// <summary>Issue 19 items 12–14: fleet sharing against a real redis-server under a target that revokes a token, an
/// attacker who can write to Redis, and registrations that differ only in their secret. Service providers stand for
/// processes; the local Cognito pool is the identity provider.</summary>
public sealed class FleetHardeningTests : IDisposable
{
    private readonly DirectoryInfo _keys = Directory.CreateTempSubdirectory("serviceauth-dp-");

    [RedisFact]
    public async Task TokenRejectedByTheTarget_NoProcessSendsItAgain()
    {
        await using RedisServer redis = await RedisServer.StartAsync();
        await using CognitoFixture f = await CognitoFixture.CreateAsync(inMemory: false);
        string? revoked = null;
        var target = new CapturingHandler(request => request.Authorization == revoked ? InvalidToken() : new HttpResponseMessage(HttpStatusCode.OK));
        using ServiceProvider a = FleetProcess.Start(f, _keys, target, redis);
        using ServiceProvider b = FleetProcess.Start(f, _keys, target, redis);
        (await FleetProcess.CallAsync(a)).EnsureSuccessStatusCode();
        await FleetProcess.WrittenAsync(a);
        (await FleetProcess.CallAsync(b)).EnsureSuccessStatusCode();
        revoked = target.Requests[0].Authorization;
        target.Requests[1].Authorization.ShouldBe(revoked, "B used the shared token");

        HttpResponseMessage fromB = await FleetProcess.CallAsync(b);
        await FleetProcess.WrittenAsync(b);
        HttpResponseMessage fromA = await FleetProcess.CallAsync(a);
        HttpResponseMessage again = await FleetProcess.CallAsync(a);

        fromB.StatusCode.ShouldBe(HttpStatusCode.OK, "B's resend must carry a fresh token, not the revoked one read back from Redis");
        fromA.StatusCode.ShouldBe(HttpStatusCode.OK);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        target.Requests.Skip(2).Count(r => r.Authorization == revoked).ShouldBe(2, "one rejected send per process, then never again");
        f.Pool.TokenRequestCount.ShouldBeLessThanOrEqualTo(3);
    }

    [RedisFact]
    public async Task CiphertextOfAnotherClientCopiedOverAnEntry_IsRefused()
    {
        await using RedisServer redis = await RedisServer.StartAsync();
        await using CognitoFixture f = await CognitoFixture.CreateAsync(inMemory: false);
        var target = new CapturingHandler();
        using ServiceProvider writer = FleetProcess.Start(f, _keys, target, redis, clientId: f.Writer.ClientId, clientSecret: f.Writer.ClientSecret);
        using ServiceProvider reader = FleetProcess.Start(f, _keys, target, redis);
        await using ConnectionMultiplexer connection = await ConnectionMultiplexer.ConnectAsync(redis.InspectionConfiguration);
        IServer server = connection.GetServer("127.0.0.1", redis.Port);
        (await FleetProcess.CallAsync(writer)).EnsureSuccessStatusCode();
        await FleetProcess.WrittenAsync(writer);
        RedisKey writerKey = server.Keys(pattern: "*").ShouldHaveSingleItem();
        (await FleetProcess.CallAsync(reader)).EnsureSuccessStatusCode();
        await FleetProcess.WrittenAsync(reader);
        RedisKey readerKey = server.Keys(pattern: "*").Single(k => k != writerKey);
        string writerToken = target.Requests[0].Authorization!;

        IDatabase db = connection.GetDatabase();
        byte[] dump = (await db.KeyDumpAsync(writerKey))!;
        await db.KeyDeleteAsync(readerKey);
        await db.KeyRestoreAsync(readerKey, dump);
        using ServiceProvider coldReader = FleetProcess.Start(f, _keys, target, redis);
        (await FleetProcess.CallAsync(coldReader)).EnsureSuccessStatusCode();

        target.Requests[2].Authorization.ShouldNotBe(writerToken, "the writer's token was sent to the reader's target");
        target.Requests[2].Authorization.ShouldStartWith("Bearer ");
    }

    [RedisFact]
    public async Task SameClientDifferentSecrets_NeverShareAToken_AndNoKeyHoldsTheSecret()
    {
        await using RedisServer redis = await RedisServer.StartAsync();
        await using CognitoFixture f = await CognitoFixture.CreateAsync(inMemory: false);
        var target = new CapturingHandler();
        using ServiceProvider right = FleetProcess.Start(f, _keys, target, redis);
        using ServiceProvider wrong = FleetProcess.Start(f, _keys, target, redis, clientSecret: "not-the-secret");
        (await FleetProcess.CallAsync(right)).EnsureSuccessStatusCode();
        await FleetProcess.WrittenAsync(right);

        TokenUnavailableException e = await Should.ThrowAsync<TokenUnavailableException>(() => FleetProcess.CallAsync(wrong));

        e.Error.ShouldBe("invalid_client");
        target.Requests.Count.ShouldBe(1, "the wrongly configured process sent nothing");
        await using ConnectionMultiplexer connection = await ConnectionMultiplexer.ConnectAsync(redis.InspectionConfiguration);
        connection.GetServer("127.0.0.1", redis.Port).Keys(pattern: "*")
            .ShouldAllBe(k => !k.ToString().Contains(f.Reader.ClientSecret!, StringComparison.Ordinal) && !k.ToString().Contains(f.Reader.ClientId, StringComparison.Ordinal));
    }

    public void Dispose() => _keys.Delete(recursive: true);

    private static HttpResponseMessage InvalidToken()
    {
        var answer = new HttpResponseMessage(HttpStatusCode.Unauthorized);
        answer.Headers.WwwAuthenticate.ParseAdd("Bearer error=\"invalid_token\"");
        return answer;
    }
}
