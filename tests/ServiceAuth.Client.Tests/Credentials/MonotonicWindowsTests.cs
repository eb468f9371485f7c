using Amazon.Runtime;
using ServiceAuth.Client.Credentials;
using ServiceAuth.Client.Credentials.Internal;
using ServiceAuth.Client.Protocol.Internal;
using ServiceAuth.Client.Tests.Support;

namespace ServiceAuth.Client.Tests.Credentials;

/// <summary>Issue 9 item 8: the error cache and the backoff are durations, measured with timestamps, so a wall clock
/// stepped back does not stretch them.</summary>
public sealed class MonotonicWindowsTests
{
    [Fact]
    public async Task ErrorCache_WallClockSteppedBackAnHour_StillEndsAfterAtMost5Seconds()
    {
        var clock = new SteppedWallClock();
        var sts = new FakeSts(clock.Fake) { Behavior = _ => throw FakeSts.Error("AccessDenied", System.Net.HttpStatusCode.Forbidden) };
        var cache = new AssumeRoleCredentialsCache(sts, clock, null, new StsCallSettings { MaxAttempts = 1, Randomizer = new SystemRandomizer(new Random(42)) });
        AWSCredentials entry = cache.GetCredentials(new AssumeRoleOptions { RoleArn = CacheFixture.RoleArn }, CacheFixture.Source, "eu-west-1");

        await Should.ThrowAsync<CredentialsUnavailableException>(entry.GetCredentialsAsync);
        clock.Step = -TimeSpan.FromHours(1);
        await Should.ThrowAsync<CredentialsUnavailableException>(entry.GetCredentialsAsync);
        sts.Calls.ShouldBe(1);

        clock.Fake.Advance(TimeSpan.FromSeconds(5));
        await Should.ThrowAsync<CredentialsUnavailableException>(entry.GetCredentialsAsync);

        sts.Calls.ShouldBe(2);
    }
}
