using ServiceAuth.Client.Credentials;
using ServiceAuth.Client.Credentials.Internal;
using ServiceAuth.Client.Protocol.Internal;
using ServiceAuth.Client.Tests.Support;

namespace ServiceAuth.Client.Tests.Credentials.RefreshAhead;

/// <summary>The assume-role credentials cache as a <see cref="RefreshSubject"/>.</summary>
public sealed class CredentialsSubject : RefreshSubject
{
    public const string Name = "assume-role credentials";

    private readonly FakeSts _sts;
    private readonly AssumedRoleCredentials _entry;

    public CredentialsSubject(TimeProvider? clock)
    {
        Time = clock is SteppedWallClock stepped ? stepped.Fake : clock as FakeTimeProvider ?? new FakeTimeProvider(TestClock.Start);
        _sts = new FakeSts(Time);
        var settings = new StsCallSettings { MaxAttempts = 1, Randomizer = new NoRefreshJitter(new SystemRandomizer(new Random(42))), TotalTimeout = TimeSpan.FromHours(1), AttemptTimeout = TimeSpan.FromHours(1) };
        var cache = new AssumeRoleCredentialsProvider(_sts, clock ?? Time, null, settings);
        _entry = (AssumedRoleCredentials)cache.GetCredentials(new AssumeRoleOptions { RoleArn = CacheFixture.RoleArn }, CacheFixture.Source, "eu-west-1");
    }

    public override FakeTimeProvider Time { get; }

    public override int Calls => _sts.Calls;

    public override TimeSpan Lifetime
    {
        set => _sts.Lifetime = value;
    }

    public override Action? FailingRefreshPaused
    {
        set => _entry.FailingRefreshPaused = value;
    }

    public override Task? PendingRefresh => _entry.PendingRefresh;

    public override void Fail() => _sts.Behavior = _ => throw FakeSts.Error("Throttling");

    public override void Succeed() => _sts.Behavior = _ => Task.FromResult(_sts.Success());

    public override async Task<string> GetAsync() => (await _entry.GetCredentialsAsync()).AccessKey;

    public override bool Invalidate(string identity) => _entry.Invalidate(identity);

    public override bool Holds(string identity) => _entry.Holds(identity);
}
