using Amazon.Runtime;
using ServiceAuth.Client.Credentials.Internal;
using ServiceAuth.Client.Tests.Support;

namespace ServiceAuth.Client.Tests.Credentials;

/// <summary>Issue 9 item 9, made deterministic with a seam that pauses a failed refresh between reading the snapshot and
/// publishing the next one: an <c>Invalidate</c> issued during that pause is never undone by the failed refresh.</summary>
public sealed class InvalidateFailRaceTests
{
    [Fact]
    public async Task InvalidateDuringAFailedBackgroundRefresh_TheRejectedKeyNeverComesBack()
    {
        var f = new CacheFixture(maxAttempts: 1);
        AssumedRoleCredentials entry = f.Entry();
        ImmutableCredentials rejected = await entry.GetCredentialsAsync();
        f.Time.Advance(TimeSpan.FromMinutes(50)); // inside the advisory window: the next lookup starts a background refresh
        f.Sts.Behavior = _ => throw FakeSts.Error("Throttling");
        bool invalidated = false;
        Thread? invalidating = null;
        entry.FailingRefreshPaused = () =>
        {
            // The target rejects the key while the failed refresh is between its read and its publish.
            invalidating = new Thread(() => invalidated = entry.Invalidate(rejected.AccessKey)) { IsBackground = true };
            invalidating.Start();
            SpinWait.SpinUntil(() => !invalidating.IsAlive || (invalidating.ThreadState & ThreadState.WaitSleepJoin) != 0);
        };

        (await entry.GetCredentialsAsync()).AccessKey.ShouldBe(rejected.AccessKey);
        await (entry.PendingRefresh ?? Task.FromResult(rejected));
        invalidating.ShouldNotBeNull("the refresh failed and paused").Join();

        invalidated.ShouldBeTrue();
        entry.Holds(rejected.AccessKey).ShouldBeFalse("a key rejected during the failed refresh came back");
        f.Sts.Behavior = _ => Task.FromResult(f.Sts.Success());
        (await entry.GetCredentialsAsync()).AccessKey.ShouldNotBe(rejected.AccessKey);
    }
}
