using Amazon.Runtime;
using ServiceAuth.Client.Credentials;
using ServiceAuth.Client.Credentials.Internal;
using ServiceAuth.Client.Tests.Credentials.RefreshAhead;
using ServiceAuth.Client.Tests.Support;

namespace ServiceAuth.Client.Tests.Credentials;

/// <summary>Issue 9 item 9: short remaining lifetimes do not refresh on every lookup, and a chained source STS rejects is
/// invalidated too.</summary>
public sealed class CacheStormTests
{
    [Theory]
    [InlineData(CredentialsSubject.Name, 5, 7)] // one refresh every 2 minutes (half of 4) over 10 minutes
    [InlineData(TokenSubject.Name, 3, 5)] // one refresh every 3 minutes (a quarter of 4 before expiry)
    public async Task ShortLifetime_FastLocalClock_RefreshesAtMostOncePerHalfTheRemainingLifetime(string user, int minCalls, int maxCalls)
    {
        RefreshSubject subject = RefreshSubject.Create(user);
        subject.Lifetime = TimeSpan.FromMinutes(4); // less than the 5-minute advisory window left: a fast clock, or a test lifetime
        await subject.GetAsync();

        for (int second = 0; second < 600; second++)
        {
            subject.Time.Advance(TimeSpan.FromSeconds(1));
            await subject.GetAsync();
            if (subject.PendingRefresh is { } refresh)
            {
                await refresh;
            }
        }

        // Not one refresh per lookup.
        subject.Calls.ShouldBeInRange(minCalls, maxCalls);
    }

    [Fact]
    public async Task ChainedSourceRejectedBySts_IsInvalidatedToo_AndTheNextTryUsesAFreshSource()
    {
        var f = new CacheFixture(maxAttempts: 1);
        AssumedRoleCredentials first = f.Entry();
        AWSCredentials second = f.Cache.GetCredentials(new AssumeRoleOptions { RoleArn = "arn:aws:iam::555566667777:role/next", DurationSeconds = 3600 }, first, "eu-west-1");
        ImmutableCredentials source = await first.GetCredentialsAsync();
        f.Sts.Behavior = _ => throw FakeSts.Error("ExpiredToken");

        CredentialsUnavailableException e = await Should.ThrowAsync<CredentialsUnavailableException>(second.GetCredentialsAsync);

        e.StsErrorCode.ShouldBe("ExpiredToken");
        first.Holds(source.AccessKey).ShouldBeFalse();
        f.Sts.Behavior = _ => Task.FromResult(f.Sts.Success());
        (await first.GetCredentialsAsync()).AccessKey.ShouldNotBe(source.AccessKey);
    }
}
