using Amazon.Runtime;
using ServiceAuth.Client.Credentials;
using ServiceAuth.Client.Credentials.Internal;
using ServiceAuth.Client.Protocol.Internal;

namespace ServiceAuth.Client.Tests.Support;

/// <summary>A credential cache over a fake STS and a fake clock.</summary>
public sealed class CacheFixture
{
    public const string RoleArn = "arn:aws:iam::222233334444:role/orders-caller";

    public CacheFixture(int maxAttempts = 3, TimeSpan? totalTimeout = null, TimeSpan? attemptTimeout = null)
    {
        Sts = new FakeSts(Time);
        Cache = new AssumeRoleCredentialsProvider(Sts, Time, null, new StsCallSettings
        {
            MaxAttempts = maxAttempts,
            Randomizer = new NoRefreshJitter(new SystemRandomizer(new Random(42))),
            TotalTimeout = totalTimeout ?? StsCallSettings.Default.TotalTimeout,
            AttemptTimeout = attemptTimeout ?? StsCallSettings.Default.AttemptTimeout,
        });
    }

    public FakeTimeProvider Time { get; } = new(TestClock.Start);

    /// <summary>For tests that drive fake time in steps while background work runs on real threads: timeouts long enough
    /// that the clock racing ahead of a busy machine cannot fire them.</summary>
    public static CacheFixture ForDrivenTime() => new(totalTimeout: TimeSpan.FromHours(1), attemptTimeout: TimeSpan.FromHours(1));

    public FakeSts Sts { get; }

    internal AssumeRoleCredentialsProvider Cache { get; }

    public static BasicAWSCredentials Source { get; } = new("AKIASOURCE0000000000", "source-secret");

    internal AssumedRoleCredentials Entry(Action<AssumeRoleOptions>? configure = null)
    {
        var options = new AssumeRoleOptions { RoleArn = RoleArn };
        configure?.Invoke(options);
        return (AssumedRoleCredentials)Cache.GetCredentials(options, Source, "eu-west-1");
    }
}
