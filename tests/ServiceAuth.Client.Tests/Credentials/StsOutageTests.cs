using Amazon.Runtime;
using Xunit.Abstractions;
using ServiceAuth.Client.Credentials.Internal;
using ServiceAuth.Client.Tests.Support;

namespace ServiceAuth.Client.Tests.Credentials;

public sealed class StsOutageTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ThirtyMinuteStsOutage_WithValidCredentials_NoRequestFailsAndStsSeesBoundedAttempts()
    {
        var f = CacheFixture.ForDrivenTime();
        f.Sts.Lifetime = TimeSpan.FromHours(12);
        AssumedRoleCredentials entry = f.Entry(o => o.DurationSeconds = 43200);
        ImmutableCredentials original = await entry.GetCredentialsAsync();
        f.Sts.Behavior = _ => throw FakeSts.Error("Throttling");
        f.Time.Advance(TimeSpan.FromHours(11));
        int failed = 0;
        int served = 0;

        for (int second = 0; second < 30 * 60; second += 5)
        {
            Task<ImmutableCredentials> request = entry.GetCredentialsAsync();
            if (request.IsCompletedSuccessfully && (await request).AccessKey == original.AccessKey)
            {
                served++;
            }
            else
            {
                failed++;
            }

            if (entry.PendingRefresh is { } refresh)
            {
                await Eventually.DriveAsync(refresh, f.Time, TimeSpan.FromMilliseconds(100));
            }

            f.Time.Advance(TimeSpan.FromSeconds(5));
        }

        int attemptsDuringOutage = f.Sts.Calls - 1;
        f.Sts.Behavior = _ => Task.FromResult(f.Sts.Success());
        f.Time.Advance(TimeSpan.FromMinutes(10));
        _ = entry.GetCredentialsAsync();
        await Eventually.UntilAsync(() => entry.PendingRefresh is null && entry.Snapshot.Value!.AccessKey != original.AccessKey, "STS recovers");

        output.WriteLine($"STS attempts during the 30-minute outage: {attemptsDuringOutage}; requests served: {served}, failed: {failed}");
        failed.ShouldBe(0);
        served.ShouldBe(360);

        // One refresh of 3 attempts per 5–10 minute backoff: 3 to 7 refreshes in 30 minutes (fake time; the seeded jitter decides).
        attemptsDuringOutage.ShouldBeInRange(9, 21, $"attempts {attemptsDuringOutage}");
        (attemptsDuringOutage % 3).ShouldBe(0);
    }
}
