using Microsoft.Extensions.Time.Testing;
using ServiceAuth.Client.AspNetCore.IdentityTokens;
using ServiceAuth.Client.AspNetCore.IdentityTokens.Internal;
using ServiceAuth.Client.AspNetCore.Tests.Support;

namespace ServiceAuth.Client.AspNetCore.Tests.IdentityTokens;

/// <summary>The limit on concurrent STS calls, driven directly so the waiting is deterministic.</summary>
public sealed class StsCallLimitTests
{
    [Fact]
    public async Task AllSlotsBusy_UntilTheTimeout_IsRefusedWithoutCallingSts()
    {
        var time = new FakeTimeProvider(Principals.Start);
        var options = new IamIdentityTokenAuthenticationOptions { Audience = "service-b", MaxConcurrentStsCalls = 1 };
        var state = new IdentityTokenSchemeState(options, time);
        StubStsHandler sts = StubStsHandler.Hang();
        var client = new StsIdentityClient(new SingleClientFactory(sts), state, time);
        await state.StsCalls.WaitAsync();
        ValidatedStsRequest request = ValidRequest();

        Task<(CallerIdentity? Identity, TokenFailure? Failure)> call = client.CallAsync(request, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(5));
        (CallerIdentity? identity, TokenFailure? failure) = await call;

        identity.ShouldBeNull();
        failure!.Reason.ShouldBe(IamIdentityTokenFailureReason.StsTimeout);
        failure.Detail.ShouldBe("no STS call slot (of 1) freed up within 5 s");
        sts.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task SlotFreedInTime_CallProceeds()
    {
        var time = new FakeTimeProvider(Principals.Start);
        var options = new IamIdentityTokenAuthenticationOptions { Audience = "service-b", MaxConcurrentStsCalls = 1 };
        var state = new IdentityTokenSchemeState(options, time);
        StubStsHandler sts = StubStsHandler.Answer(System.Net.HttpStatusCode.InternalServerError, "{}");
        var client = new StsIdentityClient(new SingleClientFactory(sts), state, time);
        await state.StsCalls.WaitAsync();

        Task<(CallerIdentity? Identity, TokenFailure? Failure)> call = client.CallAsync(ValidRequest(), CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(4));
        state.StsCalls.Release();
        (_, TokenFailure? failure) = await call;

        failure!.Reason.ShouldBe(IamIdentityTokenFailureReason.StsFailed);
        sts.Requests.Count.ShouldBe(1);
        state.StsCalls.CurrentCount.ShouldBe(1, "the slot is given back");
    }

    private static ValidatedStsRequest ValidRequest() => new()
    {
        Host = "sts.us-east-1.amazonaws.com",
        Region = "us-east-1",
        SignedAt = Principals.Start,
        Challenge = null,
        Parameters = new(StringComparer.Ordinal)
        {
            ["Action"] = "GetCallerIdentity",
            ["Version"] = "2011-06-15",
            ["X-Amz-Signature"] = new string('a', 64),
        },
    };

    private sealed class SingleClientFactory(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }
}
