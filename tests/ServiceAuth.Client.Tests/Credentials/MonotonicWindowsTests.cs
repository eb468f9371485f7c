using ServiceAuth.Client.Tests.Credentials.RefreshAhead;
using ServiceAuth.Client.Tests.Support;

namespace ServiceAuth.Client.Tests.Credentials;

/// <summary>Issue 9 item 8 and issue 18, for every user of the refresh-ahead engine: the error cache, the backoff and the
/// invalidation limit are durations, measured with timestamps, so a wall clock stepped back does not stretch them.</summary>
public sealed class MonotonicWindowsTests
{
    [Theory]
    [MemberData(nameof(RefreshSubject.Users), MemberType = typeof(RefreshSubject))]
    public async Task ErrorCache_WallClockSteppedBackAnHour_StillEndsAfterAtMost5Seconds(string user)
    {
        var clock = new SteppedWallClock();
        RefreshSubject subject = RefreshSubject.Create(user, clock);
        subject.Fail();

        await Should.ThrowAsync<ServiceAuthException>(subject.GetAsync);
        clock.Step = -TimeSpan.FromHours(1);
        await Should.ThrowAsync<ServiceAuthException>(subject.GetAsync);
        subject.Calls.ShouldBe(1);

        clock.Fake.Advance(TimeSpan.FromSeconds(5));
        await Should.ThrowAsync<ServiceAuthException>(subject.GetAsync);

        subject.Calls.ShouldBe(2);
    }

    [Theory]
    [MemberData(nameof(RefreshSubject.Users), MemberType = typeof(RefreshSubject))]
    public async Task InvalidationLimit_WallClockSteppedBackAnHour_StillEndsAfterItsInterval(string user)
    {
        var clock = new SteppedWallClock();
        RefreshSubject subject = RefreshSubject.Create(user, clock);
        string first = await subject.GetAsync();
        subject.Invalidate(first).ShouldBeTrue();
        string second = await subject.GetAsync();

        clock.Step = -TimeSpan.FromHours(1);
        clock.Fake.Advance(TimeSpan.FromSeconds(31));

        subject.Invalidate(second).ShouldBeTrue("the limit is 15 or 30 seconds, whatever the wall clock did");
    }
}
