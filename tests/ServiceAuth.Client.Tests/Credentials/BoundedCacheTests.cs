using Amazon.Runtime;
using ServiceAuth.Client.Credentials;
using ServiceAuth.Client.Credentials.Internal;
using ServiceAuth.Client.Tests.Support;

namespace ServiceAuth.Client.Tests.Credentials;

/// <summary>Issue 9 item 13: entries keyed from user input do not live forever; evicted entries release their STS
/// client, and an evicted entry someone still holds keeps working.</summary>
public sealed class BoundedCacheTests
{
    [Fact]
    public async Task NewSourcePerCall_CacheStaysBounded_EvictedStsClientsAreReleased_AndEvictedEntriesStillWork()
    {
        var time = new FakeTimeProvider(TestClock.Start);
        var sts = new FakeSts(time);
        var cache = new AssumeRoleCredentialsProvider(sts, time, null, new StsCallSettings { MaxCacheEntries = 3 });
        var entries = new List<AWSCredentials>();

        for (int i = 0; i < 10; i++)
        {
            // A new AWSCredentials object per call: a new key each time.
            AWSCredentials entry = cache.GetCredentials(new AssumeRoleOptions { RoleArn = CacheFixture.RoleArn }, new BasicAWSCredentials($"AKIA{i:D16}", "s"), "eu-west-1");
            await entry.GetCredentialsAsync();
            entries.Add(entry);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        cache.Count.ShouldBeLessThanOrEqualTo(3);
        sts.Released.Count.ShouldBe(7);
        (await entries[0].GetCredentialsAsync()).AccessKey.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task IdleEntries_AreEvictedAfterAnHourWithoutUse()
    {
        var time = new FakeTimeProvider(TestClock.Start);
        var sts = new FakeSts(time);
        var cache = new AssumeRoleCredentialsProvider(sts, time, null, new StsCallSettings());
        AWSCredentials idle = cache.GetCredentials(new AssumeRoleOptions { RoleArn = CacheFixture.RoleArn }, new BasicAWSCredentials("AKIAIDLE000000000000", "s"), "eu-west-1");
        await idle.GetCredentialsAsync();
        time.Advance(TimeSpan.FromMinutes(1));
        AWSCredentials busy = cache.GetCredentials(new AssumeRoleOptions { RoleArn = CacheFixture.RoleArn }, new BasicAWSCredentials("AKIABUSY000000000000", "s"), "eu-west-1");

        // Uses are seen when a new entry is added (a flag, so the warm path stays allocation-free): the idle entry's
        // last use was seen a minute in; an hour later it goes, the busy one stays.
        time.Advance(TimeSpan.FromMinutes(61));
        await busy.GetCredentialsAsync();
        cache.GetCredentials(new AssumeRoleOptions { RoleArn = CacheFixture.RoleArn }, new BasicAWSCredentials("AKIANEW0000000000000", "s"), "eu-west-1");

        cache.Count.ShouldBe(2);
        ((BasicAWSCredentials)sts.Released.ShouldHaveSingleItem().Source).GetCredentials().AccessKey.ShouldBe("AKIAIDLE000000000000");
    }
}
