using Amazon.Runtime;
using Amazon.SecurityToken.Model;
using ServiceAuth.Client.Credentials;
using ServiceAuth.Client.Credentials.Internal;
using ServiceAuth.Client.Tests.Support;

namespace ServiceAuth.Client.Tests.Credentials;

public sealed class AssumedRoleCredentialsTests
{
    [Fact]
    public async Task GetCredentialsAsync_1000ConcurrentColdCallers_OneAssumeRoleCallSharedByAll()
    {
        var f = new CacheFixture();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        f.Sts.Behavior = async _ =>
        {
            await gate.Task;
            return f.Sts.Success();
        };
        AssumedRoleCredentials entry = f.Entry();

        Task<ImmutableCredentials>[] callers = Enumerable.Range(0, 1000).Select(_ => Task.Run(entry.GetCredentialsAsync)).ToArray();
        await Eventually.UntilAsync(() => f.Sts.Calls == 1 && callers.All(c => c.IsCompleted || entry.PendingRefresh is not null), "every caller waits on the refresh");
        gate.SetResult();
        ImmutableCredentials[] results = await Task.WhenAll(callers);

        f.Sts.Calls.ShouldBe(1);
        results.Select(r => r.AccessKey).Distinct().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task GetCredentialsAsync_WarmCache_ReturnsTheSameCompletedTaskWithoutCallingSts()
    {
        var f = new CacheFixture();
        AssumedRoleCredentials entry = f.Entry();
        await entry.GetCredentialsAsync();

        f.Time.Advance(TimeSpan.FromMinutes(44));
        Task<ImmutableCredentials> first = entry.GetCredentialsAsync();
        Task<ImmutableCredentials> second = entry.GetCredentialsAsync();

        first.IsCompletedSuccessfully.ShouldBeTrue();
        second.ShouldBeSameAs(first);
        f.Sts.Calls.ShouldBe(1);
    }

    [Theory]
    [InlineData(15, 5)]
    [InlineData(20, 5)]
    [InlineData(60, 15)]
    [InlineData(89, 15)]
    [InlineData(90, 60)]
    [InlineData(720, 60)]
    public void Advisory_ByLifetime_Is5Or15Or60Minutes(int lifetimeMinutes, int expectedMinutes) =>
        RefreshWindows.Advisory(TimeSpan.FromMinutes(lifetimeMinutes)).ShouldBe(TimeSpan.FromMinutes(expectedMinutes));

    [Fact]
    public async Task GetCredentialsAsync_InAdvisoryWindow_ServesCurrentAndRefreshesOnceInBackground()
    {
        var f = new CacheFixture();
        AssumedRoleCredentials entry = f.Entry();
        ImmutableCredentials original = await entry.GetCredentialsAsync();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        f.Sts.Behavior = async _ =>
        {
            await gate.Task;
            return f.Sts.Success();
        };

        f.Time.Advance(TimeSpan.FromMinutes(46));
        Task<ImmutableCredentials>[] during = Enumerable.Range(0, 50).Select(_ => entry.GetCredentialsAsync()).ToArray();
        Task<ImmutableCredentials>? refresh = entry.PendingRefresh;
        gate.SetResult();
        await refresh!;
        ImmutableCredentials after = await entry.GetCredentialsAsync();

        during.ShouldAllBe(t => t.IsCompletedSuccessfully);
        (await Task.WhenAll(during)).ShouldAllBe(c => c.AccessKey == original.AccessKey);
        f.Sts.Calls.ShouldBe(2);
        after.AccessKey.ShouldNotBe(original.AccessKey);
    }

    [Fact]
    public async Task GetCredentialsAsync_InLastMinute_WaitsForFreshCredentials()
    {
        var f = new CacheFixture();
        AssumedRoleCredentials entry = f.Entry();
        ImmutableCredentials original = await entry.GetCredentialsAsync();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        f.Sts.Behavior = async _ =>
        {
            await gate.Task;
            return f.Sts.Success();
        };

        f.Time.Advance(TimeSpan.FromMinutes(59) + TimeSpan.FromSeconds(30));
        Task<ImmutableCredentials> waiting = entry.GetCredentialsAsync();
        bool completedBeforeRefresh = waiting.IsCompleted;
        gate.SetResult();
        ImmutableCredentials fresh = await waiting;

        completedBeforeRefresh.ShouldBeFalse();
        fresh.AccessKey.ShouldNotBe(original.AccessKey);
        f.Sts.Calls.ShouldBe(2);
    }

    [Fact]
    public async Task GetCredentialsAsync_BackgroundRefreshFails_ServesCachedAndBacksOff5To10Minutes()
    {
        var f = new CacheFixture();
        AssumedRoleCredentials entry = f.Entry();
        ImmutableCredentials original = await entry.GetCredentialsAsync();
        f.Sts.Behavior = _ => throw FakeSts.Error("AccessDenied", System.Net.HttpStatusCode.Forbidden);

        f.Time.Advance(TimeSpan.FromMinutes(46));
        long failedAt = f.Time.GetTimestamp();
        Task<ImmutableCredentials> served = entry.GetCredentialsAsync();
        await Eventually.UntilAsync(() => f.Sts.Calls == 2 && entry.PendingRefresh is null, "the background refresh fails");
        f.Time.Advance(TimeSpan.FromMinutes(4));
        await entry.GetCredentialsAsync();
        int callsWithinFiveMinutes = f.Sts.Calls;

        served.IsCompletedSuccessfully.ShouldBeTrue();
        (await served).AccessKey.ShouldBe(original.AccessKey);
        entry.Snapshot.Value!.AccessKey.ShouldBe(original.AccessKey);
        callsWithinFiveMinutes.ShouldBe(2);
        TimeSpan.FromSeconds((entry.Snapshot.NextAttemptAt - failedAt) / (double)f.Time.TimestampFrequency).ShouldBeInRange(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10));
    }

    [Fact]
    public async Task GetCredentialsAsync_NoValidCredentialsAndStsRefuses_FailsFastWithCodeAndRequestId()
    {
        var f = new CacheFixture();
        f.Sts.Behavior = _ => throw FakeSts.Error("AccessDenied", System.Net.HttpStatusCode.Forbidden, "req-42");
        AssumedRoleCredentials entry = f.Entry();

        CredentialsUnavailableException first = await Should.ThrowAsync<CredentialsUnavailableException>(entry.GetCredentialsAsync());
        Task<ImmutableCredentials> second = entry.GetCredentialsAsync();
        int callsWithinErrorCache = f.Sts.Calls;
        f.Time.Advance(TimeSpan.FromSeconds(6));
        await Should.ThrowAsync<CredentialsUnavailableException>(entry.GetCredentialsAsync());

        first.StsErrorCode.ShouldBe("AccessDenied");
        first.StsRequestId.ShouldBe("req-42");
        first.RoleArn.ShouldBe(CacheFixture.RoleArn);
        first.Message.ShouldContain("req-42");
        first.Message.ShouldNotContain("secret");
        second.IsFaulted.ShouldBeTrue();
        callsWithinErrorCache.ShouldBe(1);
        f.Sts.Calls.ShouldBe(2);
    }

    [Fact]
    public async Task GetCredentialsAsync_StsNeverAnswers_FailsWithinTheTotalTimeoutInsteadOfHanging()
    {
        var f = new CacheFixture();
        f.Sts.Behavior = FakeSts.Hang;
        AssumedRoleCredentials entry = f.Entry();

        Task<ImmutableCredentials> waiting = entry.GetCredentialsAsync();
        await Eventually.DriveAsync(waiting, f.Time, TimeSpan.FromSeconds(1), maxSteps: 120);

        waiting.IsFaulted.ShouldBeTrue();
        waiting.Exception!.InnerException.ShouldBeOfType<CredentialsUnavailableException>();
        f.Sts.Calls.ShouldBeInRange(1, 3);
    }

    [Fact]
    public async Task Invalidate_OnlyWhenTheEntryStillHoldsTheRejectedKey()
    {
        var f = new CacheFixture();
        AssumedRoleCredentials entry = f.Entry();
        ImmutableCredentials first = await entry.GetCredentialsAsync();

        bool otherKey = entry.Invalidate("ASIAOTHER");
        bool sameKey = entry.Invalidate(first.AccessKey);
        ImmutableCredentials second = await entry.GetCredentialsAsync();
        bool staleKey = entry.Invalidate(first.AccessKey);

        otherKey.ShouldBeFalse();
        sameKey.ShouldBeTrue();
        staleKey.ShouldBeFalse();
        second.AccessKey.ShouldNotBe(first.AccessKey);
        f.Sts.Calls.ShouldBe(2);
    }

    [Fact]
    public async Task GetCredentials_SendsEveryOptionToSts()
    {
        var f = new CacheFixture();
        AssumedRoleCredentials entry = f.Entry(o =>
        {
            o.RoleSessionName = "orders-api";
            o.ExternalId = "ext-123";
            o.DurationSeconds = 1800;
            o.Policy = "{\"Version\":\"2012-10-17\",\"Statement\":[]}";
            o.PolicyArns.Add("arn:aws:iam::aws:policy/ReadOnlyAccess");
            o.Tags["team"] = "orders";
            o.TransitiveTagKeys.Add("team");
            o.SourceIdentity = "alice";
        });

        await entry.GetCredentialsAsync();
        AssumeRoleRequest request = f.Sts.Requests.ShouldHaveSingleItem();

        request.RoleArn.ShouldBe(CacheFixture.RoleArn);
        request.RoleSessionName.ShouldBe("orders-api");
        request.ExternalId.ShouldBe("ext-123");
        request.DurationSeconds.ShouldBe(1800);
        request.Policy.ShouldContain("2012-10-17");
        request.PolicyArns.ShouldHaveSingleItem().Arn.ShouldBe("arn:aws:iam::aws:policy/ReadOnlyAccess");
        request.Tags.ShouldHaveSingleItem().Key.ShouldBe("team");
        request.TransitiveTagKeys.ShouldBe(["team"]);
        request.SourceIdentity.ShouldBe("alice");
    }

    [Fact]
    public void ToString_NamesTheRoleOnly()
    {
        var f = new CacheFixture();

        string text = f.Entry(o => o.ExternalId = "ext-secretish").ToString();

        text.ShouldContain(CacheFixture.RoleArn);
        text.ShouldNotContain("ext-secretish");
    }

    [Fact]
    public async Task GetCredentialsAsync_WarmCache_AllocatesNothing()
    {
        var f = new CacheFixture();
        AWSCredentials entry = f.Entry();
        await entry.GetCredentialsAsync();
        for (int i = 0; i < 100; i++)
        {
            _ = entry.GetCredentialsAsync();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++)
        {
            _ = entry.GetCredentialsAsync();
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        allocated.ShouldBe(0);
    }
}
