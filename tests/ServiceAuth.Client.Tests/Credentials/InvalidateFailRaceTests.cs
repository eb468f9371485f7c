using ServiceAuth.Client.Tests.Credentials.RefreshAhead;

namespace ServiceAuth.Client.Tests.Credentials;

/// <summary>Issue 9 item 9 and issue 18, for every user of the refresh-ahead engine, made deterministic with a seam that
/// pauses a failed refresh between reading the current state and publishing the next one: an invalidation issued during
/// that pause is never undone by the failed refresh.</summary>
public sealed class InvalidateFailRaceTests
{
    [Theory]
    [MemberData(nameof(RefreshSubject.Users), MemberType = typeof(RefreshSubject))]
    public async Task InvalidateDuringAFailedBackgroundRefresh_TheRejectedValueNeverComesBack(string user)
    {
        RefreshSubject subject = RefreshSubject.Create(user);
        string rejected = await subject.GetAsync();
        subject.Time.Advance(TimeSpan.FromMinutes(50)); // inside the advisory window: the next lookup starts a background refresh
        subject.Fail();
        bool invalidated = false;
        Thread? invalidating = null;
        subject.FailingRefreshPaused = () =>
        {
            // The target rejects the value while the failed refresh is between its read and its publish.
            invalidating = new Thread(() => invalidated = subject.Invalidate(rejected)) { IsBackground = true };
            invalidating.Start();
            SpinWait.SpinUntil(() => !invalidating.IsAlive || (invalidating.ThreadState & ThreadState.WaitSleepJoin) != 0);
        };

        (await subject.GetAsync()).ShouldBe(rejected);
        await (subject.PendingRefresh ?? Task.CompletedTask);
        invalidating.ShouldNotBeNull("the refresh failed and paused").Join();

        invalidated.ShouldBeTrue();
        subject.Holds(rejected).ShouldBeFalse("a value rejected during the failed refresh came back");
        subject.Succeed();
        (await subject.GetAsync()).ShouldNotBe(rejected);
    }
}
