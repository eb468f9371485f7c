using System.Net;
using ServiceAuth.Client.ClientCredentials;
using ServiceAuth.Client.ClientCredentials.Internal;

namespace ServiceAuth.Client.Tests.ClientCredentials;

public sealed class TokenCacheTests
{
    [Fact]
    public async Task GetTokenAsync_1000ConcurrentColdCallers_OneTokenRequestSharedByAll()
    {
        var f = new TokenEntryFixture();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        f.Endpoint.Gate = gate.Task;
        TokenEntry entry = f.Entry();

        Task<AccessToken>[] callers = Enumerable.Range(0, 1000).Select(_ => Task.Run(() => entry.GetTokenAsync(CancellationToken.None).AsTask())).ToArray();
        await Eventually.UntilAsync(() => f.Endpoint.Calls == 1 && entry.PendingRefresh is not null, "the token request is under way");
        gate.SetResult();
        AccessToken[] tokens = await Task.WhenAll(callers);

        f.Endpoint.Calls.ShouldBe(1);
        tokens.Select(t => t.Value).Distinct().ShouldHaveSingleItem().ShouldBe("token-1");
    }

    [Fact]
    public async Task GetTokenAsync_WarmCache_CompletesSynchronouslyWithTheSameTokenAndNoRequest()
    {
        var f = new TokenEntryFixture();
        TokenEntry entry = f.Entry();
        AccessToken first = await entry.GetTokenAsync(CancellationToken.None);

        f.Time.Advance(TimeSpan.FromMinutes(44));
        ValueTask<AccessToken> warm = entry.GetTokenAsync(CancellationToken.None);

        warm.IsCompletedSuccessfully.ShouldBeTrue();
        AccessToken second = await warm;
        second.ShouldBeSameAs(first);
        second.Header.ShouldBeSameAs(first.Header);
        f.Endpoint.Calls.ShouldBe(1);
    }

    [Theory]
    [InlineData(60, 45, 59)]
    [InlineData(5, 3.75, 4.5)]
    [InlineData(1440, 1425, 1439)]
    public async Task Fresh_TokenLifetime_SetsRefreshAndMandatoryWindows(int lifetimeMinutes, double refreshAtMinute, double mandatoryAtMinute)
    {
        var f = new TokenEntryFixture();
        f.Endpoint.Respond = n => FakeTokenEndpoint.Token($"t{n}", lifetimeMinutes * 60);
        TokenEntry entry = f.Entry();
        DateTimeOffset start = f.Time.GetUtcNow();

        await entry.GetTokenAsync(CancellationToken.None);

        entry.Snapshot.RefreshAt.ShouldBe(start.AddMinutes(refreshAtMinute));
        entry.Snapshot.MandatoryAt.ShouldBe(start.AddMinutes(mandatoryAtMinute));
    }

    [Fact]
    public async Task GetTokenAsync_InAdvisoryWindow_ServesCurrentTokenAndRefreshesOnceInBackground()
    {
        var f = new TokenEntryFixture();
        TokenEntry entry = f.Entry();
        AccessToken original = await entry.GetTokenAsync(CancellationToken.None);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        f.Endpoint.Gate = gate.Task;

        f.Time.Advance(TimeSpan.FromMinutes(46));
        ValueTask<AccessToken>[] during = Enumerable.Range(0, 50).Select(_ => entry.GetTokenAsync(CancellationToken.None)).ToArray();
        Task<AccessToken> refresh = entry.PendingRefresh!;
        gate.SetResult();
        await refresh;

        during.ShouldAllBe(t => t.IsCompletedSuccessfully);
        foreach (ValueTask<AccessToken> served in during)
        {
            (await served).ShouldBeSameAs(original);
        }

        (await entry.GetTokenAsync(CancellationToken.None)).Value.ShouldBe("token-2");
        f.Endpoint.Calls.ShouldBe(2);
    }

    [Fact]
    public async Task GetTokenAsync_InMandatoryWindow_CallersWaitForTheFreshToken()
    {
        var f = new TokenEntryFixture();
        TokenEntry entry = f.Entry();
        await entry.GetTokenAsync(CancellationToken.None);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        f.Endpoint.Gate = gate.Task;

        f.Time.Advance(TimeSpan.FromMinutes(59.5));
        ValueTask<AccessToken> waiting = entry.GetTokenAsync(CancellationToken.None);

        waiting.IsCompleted.ShouldBeFalse();
        gate.SetResult();
        (await waiting).Value.ShouldBe("token-2");
    }

    [Fact]
    public async Task Outage_WhileTokenValid_ServesItAndRetriesWithJitteredExponentialBackoff()
    {
        var f = new TokenEntryFixture();
        TokenEntry entry = f.Entry();
        AccessToken original = await entry.GetTokenAsync(CancellationToken.None);
        f.Endpoint.Respond = _ => FakeTokenEndpoint.Json(HttpStatusCode.ServiceUnavailable, "{}");
        f.Time.Advance(TimeSpan.FromMinutes(45));
        var delays = new List<TimeSpan>();

        for (int failure = 1; failure <= 4; failure++)
        {
            int calls = f.Endpoint.Calls;
            (await entry.GetTokenAsync(CancellationToken.None)).ShouldBeSameAs(original);
            await Eventually.UntilAsync(() => entry.PendingRefresh is null && f.Endpoint.Calls == calls + 1, "the background refresh fails");
            TimeSpan delay = f.Time.GetElapsedTime(f.Time.GetTimestamp(), entry.Snapshot.NextAttemptAt);
            delays.Add(delay);
            (await entry.GetTokenAsync(CancellationToken.None)).ShouldBeSameAs(original);
            f.Endpoint.Calls.ShouldBe(calls + 1, "no request before the backoff ends");
            f.Time.Advance(delay);
        }

        for (int i = 0; i < 4; i++)
        {
            double ceiling = 5 * Math.Pow(2, i);
            delays[i].TotalSeconds.ShouldBeInRange(ceiling / 2, ceiling);
        }

        delays.Distinct().Count().ShouldBe(4);
    }

    [Fact]
    public async Task Outage_WithoutValidToken_FailsFastAndClearlyThenTriesAgainAfterTheErrorCache()
    {
        var f = new TokenEntryFixture();
        f.Endpoint.Respond = _ => FakeTokenEndpoint.Json(HttpStatusCode.ServiceUnavailable, "{}");
        TokenEntry entry = f.Entry();

        TokenUnavailableException first = await Should.ThrowAsync<TokenUnavailableException>(entry.GetTokenAsync(CancellationToken.None).AsTask());
        ValueTask<AccessToken> fast = entry.GetTokenAsync(CancellationToken.None);

        fast.IsFaulted.ShouldBeTrue("thrown without waiting");
        first.StatusCode.ShouldBe(503);
        first.Message.ShouldContain("client 'client-a'");
        first.Message.ShouldContain("HTTP 503");
        f.Endpoint.Calls.ShouldBe(1);

        f.Endpoint.Respond = n => FakeTokenEndpoint.Token($"token-{n}", 3600);
        f.Time.Advance(TokenRefreshPolicy.Policy.MaxErrorCache);
        (await entry.GetTokenAsync(CancellationToken.None)).Value.ShouldBe("token-2");
    }

    [Fact]
    public async Task Outage_TokenExpiresDuringOutage_CallersGetTheFailureInsteadOfAnExpiredToken()
    {
        var f = new TokenEntryFixture();
        TokenEntry entry = f.Entry();
        await entry.GetTokenAsync(CancellationToken.None);
        f.Endpoint.Respond = _ => FakeTokenEndpoint.Json(HttpStatusCode.InternalServerError, "{}");

        f.Time.Advance(TimeSpan.FromMinutes(60));

        await Should.ThrowAsync<TokenUnavailableException>(entry.GetTokenAsync(CancellationToken.None).AsTask());
        entry.Snapshot.Value.ShouldBeNull();
    }

    [Fact]
    public async Task GetTokenAsync_CallerCancels_CallerStopsWaitingButTheSharedRequestCompletesForOthers()
    {
        var f = new TokenEntryFixture();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        f.Endpoint.Gate = gate.Task;
        TokenEntry entry = f.Entry();
        using var cancel = new CancellationTokenSource();

        Task<AccessToken> impatient = entry.GetTokenAsync(cancel.Token).AsTask();
        Task<AccessToken> patient = entry.GetTokenAsync(CancellationToken.None).AsTask();
        await Eventually.UntilAsync(() => f.Endpoint.Calls == 1, "the token request is sent");
        await cancel.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(impatient);
        f.Endpoint.Received.Single().Token.CanBeCanceled.ShouldBeFalse();
        gate.SetResult();
        (await patient).Value.ShouldBe("token-1");
        f.Endpoint.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task Invalidate_CurrentToken_DropsItOnceThenRateLimitsFor30Seconds()
    {
        var f = new TokenEntryFixture();
        TokenEntry entry = f.Entry();
        AccessToken first = await entry.GetTokenAsync(CancellationToken.None);

        entry.Invalidate(first).ShouldBeTrue();
        AccessToken second = await entry.GetTokenAsync(CancellationToken.None);
        f.Time.Advance(TimeSpan.FromSeconds(29));
        bool rateLimited = entry.Invalidate(second);
        f.Time.Advance(TimeSpan.FromSeconds(1));
        bool allowed = entry.Invalidate(second);

        second.Value.ShouldBe("token-2");
        rateLimited.ShouldBeFalse();
        allowed.ShouldBeTrue();
        (await entry.GetTokenAsync(CancellationToken.None)).Value.ShouldBe("token-3");
    }

    [Fact]
    public async Task Invalidate_TokenAlreadyReplaced_KeepsTheNewOneAndSaysResendIsWorthwhile()
    {
        var f = new TokenEntryFixture();
        TokenEntry entry = f.Entry();
        AccessToken first = await entry.GetTokenAsync(CancellationToken.None);
        entry.Invalidate(first);
        AccessToken second = await entry.GetTokenAsync(CancellationToken.None);

        entry.Invalidate(first).ShouldBeTrue();

        entry.Snapshot.Value.ShouldBeSameAs(second);
        f.Endpoint.Calls.ShouldBe(2);
    }

    [Fact]
    public async Task GetTokenAsync_TokenWithoutUsefulLifetime_IsRefusedWithAClearMessage()
    {
        var f = new TokenEntryFixture();
        f.Endpoint.Respond = _ => FakeTokenEndpoint.Token("short", 5);

        TokenUnavailableException e = await Should.ThrowAsync<TokenUnavailableException>(f.Entry().GetTokenAsync(CancellationToken.None).AsTask());

        e.Message.ShouldContain("within 10 seconds");
    }
}
