using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using ServiceAuth.Client.Testing;

namespace ServiceAuth.Client.IntegrationTests.Resilience;

/// <summary>
/// The standard hedging handler around a signed client: every hedged request is a clone that goes down through the
/// signer, so each carries exactly one signature of its own that verifies, with the body intact, sequentially and in
/// parallel.
/// </summary>
public sealed class StandardHedgingTests : IAsyncDisposable
{
    private readonly ScriptedApi _api = new(LocalAwsEndpoint.CreateInMemory());
    private readonly WireRecorder _wire;

    public StandardHedgingTests() => _wire = new WireRecorder(_api.Endpoint.CreateHandler());

    [Fact]
    public async Task HedgeAfterThrottling_EachHedgedRequestSignedOnceAfreshAndVerified()
    {
        using ServiceProvider provider = Build(o =>
        {
            o.Hedging.ShouldHandle = AwsRetryPredicates.ShouldHandle;
            o.Hedging.Delay = Timeout.InfiniteTimeSpan; // the next hedge only when the previous answer is handled
            o.Hedging.MaxHedgedAttempts = 2;
        });
        _api.Then(ScriptedApi.Throttling, ScriptedApi.Unavailable);

        using HttpResponseMessage response = await Client(provider).PostAsync("orders", StandardHandlerTests.Json());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        AssertEachSignedOnceAfresh(3);
    }

    [Fact]
    public async Task ParallelHedges_ShareTheBody_EachSignedOnceAndVerified()
    {
        using ServiceProvider provider = Build(o =>
        {
            o.Hedging.ShouldHandle = AwsRetryPredicates.ShouldHandle;
            o.Hedging.Delay = TimeSpan.Zero; // all hedged requests at once
            o.Hedging.MaxHedgedAttempts = 2;
        });
        _api.Then(ScriptedApi.Unavailable, ScriptedApi.Unavailable);

        using HttpResponseMessage response = await Client(provider).PostAsync("orders", StandardHandlerTests.Json());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        AssertEachSignedOnceAfresh(3);
    }

    public ValueTask DisposeAsync() => _api.DisposeAsync();

    private void AssertEachSignedOnceAfresh(int expected)
    {
        string[][] attempts = [.. _wire.Authorizations];
        attempts.Length.ShouldBe(expected);
        attempts.ShouldAllBe(a => a.Length == 1);
        attempts.Select(a => a[0]).Distinct().Count().ShouldBe(expected);
        _api.VerifiedCalls.ShouldBe(expected);
        _api.ReceivedBodies.ShouldAllBe(b => b == ScriptedApi.Body);
    }

    private ServiceProvider Build(Action<HttpStandardHedgingResilienceOptions> configure)
    {
        var services = new ServiceCollection();
        _api.AddClient(services, _wire, new SteppingTimeProvider()).AddStandardHedgingHandler().Configure(configure);
        return services.BuildServiceProvider();
    }

    private static HttpClient Client(ServiceProvider provider) => provider.GetRequiredService<IHttpClientFactory>().CreateClient("orders");
}
