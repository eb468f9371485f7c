using System.Net;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using NSubstitute;
using ServiceAuth.Client.Credentials.Internal;

namespace ServiceAuth.Client.Tests.Support;

/// <summary>An NSubstitute STS that counts AssumeRole calls and answers with whatever <see cref="Behavior"/> says;
/// by default, credentials valid for <see cref="Lifetime"/> from the fake clock's now, with a fresh access key each call.</summary>
public sealed class FakeSts : IStsClientFactory
{
    private readonly FakeTimeProvider _time;
    private int _calls;
    private long _lastCallAt;

    public FakeSts(FakeTimeProvider time)
    {
        _time = time;
        Behavior = _ => Task.FromResult(Success());
        Client.AssumeRoleAsync(Arg.Any<AssumeRoleRequest>(), Arg.Any<CancellationToken>()).Returns(call =>
        {
            Interlocked.Increment(ref _calls);
            Interlocked.Exchange(ref _lastCallAt, _time.GetUtcNow().UtcTicks);
            Requests.Add(call.Arg<AssumeRoleRequest>());
            return Behavior(call.Arg<CancellationToken>());
        });
    }

    public IAmazonSecurityTokenService Client { get; } = Substitute.For<IAmazonSecurityTokenService>();

    public System.Collections.Concurrent.ConcurrentBag<AssumeRoleRequest> Requests { get; } = [];

    public Func<CancellationToken, Task<AssumeRoleResponse>> Behavior { get; set; }

    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(1);

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>The fake clock's time at the last AssumeRole call.</summary>
    public DateTimeOffset LastCallAt => new(Interlocked.Read(ref _lastCallAt), TimeSpan.Zero);

    public List<(AWSCredentials Source, string Region, Uri? Endpoint)> ClientsCreated { get; } = [];

    public List<(AWSCredentials Source, string Region, Uri? Endpoint)> Released { get; } = [];

    public void Release(AWSCredentials source, string region, Uri? endpoint)
    {
        lock (Released)
        {
            Released.Add((source, region, endpoint));
        }
    }

    public IAmazonSecurityTokenService Get(AWSCredentials source, string region, Uri? endpoint)
    {
        lock (ClientsCreated)
        {
            ClientsCreated.Add((source, region, endpoint));
        }

        return Client;
    }

    public AssumeRoleResponse Success() => new()
    {
        Credentials = new Amazon.SecurityToken.Model.Credentials(
            $"ASIA{Calls:D16}", "secret-" + Calls, "token-" + Calls, (_time.GetUtcNow() + Lifetime).UtcDateTime),
        HttpStatusCode = HttpStatusCode.OK,
    };

    public static AmazonSecurityTokenServiceException Error(string code, HttpStatusCode status = HttpStatusCode.BadRequest, string requestId = "req-1") =>
        new($"{code} message", ErrorType.Sender, code, requestId, status);

    /// <summary>An answer that never comes unless the call is cancelled.</summary>
    public static Task<AssumeRoleResponse> Hang(CancellationToken cancellationToken)
    {
        var pending = new TaskCompletionSource<AssumeRoleResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        cancellationToken.Register(() => pending.TrySetCanceled(cancellationToken));
        return pending.Task;
    }
}
