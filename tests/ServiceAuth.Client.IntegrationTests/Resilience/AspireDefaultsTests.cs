using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using ServiceAuth.Client.Testing;

namespace ServiceAuth.Client.IntegrationTests.Resilience;

/// <summary>
/// The .NET Aspire service defaults add <c>AddStandardResilienceHandler()</c> to every client through
/// <c>ConfigureHttpClientDefaults</c>. A signed client then works as is (the signer stays innermost, one retry layer);
/// adding <c>AddAwsRetries</c> on top stacks a second retry layer, which is logged as a warning, once.
/// </summary>
public sealed class AspireDefaultsTests : IAsyncDisposable
{
    private readonly ScriptedApi _api = new(LocalAwsEndpoint.CreateInMemory());
    private readonly WireRecorder _wire;

    public AspireDefaultsTests() => _wire = new WireRecorder(_api.Endpoint.CreateHandler());

    [Fact]
    public async Task StandardHandlerFromDefaults_PlusSignedClient_RetriesWithFreshSignatures_NoWarning()
    {
        using ServiceProvider provider = Build(withAwsRetries: false);
        _api.Then(ScriptedApi.Unavailable);

        using HttpResponseMessage response = await Client(provider).GetAsync("orders/1");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        string[][] attempts = [.. _wire.Authorizations];
        attempts.Length.ShouldBe(2);
        attempts.ShouldAllBe(a => a.Length == 1);
        attempts[0][0].ShouldNotBe(attempts[1][0]);
        _api.VerifiedCalls.ShouldBe(2);
        Stacked(provider).ShouldBeEmpty();
    }

    [Fact]
    public async Task StandardHandlerFromDefaults_PlusAddAwsRetries_IsDetectedAndWarnedOnce_AndTheAttemptsMultiply()
    {
        using ServiceProvider provider = Build(withAwsRetries: true);
        _api.Then(ScriptedApi.Unavailable, ScriptedApi.Unavailable, ScriptedApi.Unavailable, ScriptedApi.Unavailable);

        using HttpResponseMessage response = await Client(provider).GetAsync("orders/1");
        using HttpResponseMessage again = await Client(provider).GetAsync("orders/2");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        _api.VerifiedCalls.ShouldBe(6, "4 failures: the inner AWS layer gives up after 3 attempts, the outer standard layer retries it (5 + the second request)");
        FakeLogRecord warning = Stacked(provider).ShouldHaveSingleItem();
        warning.Level.ShouldBe(LogLevel.Warning);
        warning.Message.ShouldContain("'orders' has 2 resilience handlers");
    }

    public ValueTask DisposeAsync() => _api.DisposeAsync();

    private static IEnumerable<FakeLogRecord> Stacked(ServiceProvider provider) =>
        provider.GetFakeLogCollector().GetSnapshot().Where(r => r.Id.Name == "ResilienceHandlersStacked");

    private ServiceProvider Build(bool withAwsRetries)
    {
        var services = new ServiceCollection();
        services.AddFakeLogging();
        services.ConfigureHttpClientDefaults(b => b.AddStandardResilienceHandler(o => o.Retry.Delay = TimeSpan.Zero));
        IHttpClientBuilder client = _api.AddClient(services, _wire, new SteppingTimeProvider());
        if (withAwsRetries)
        {
            client.AddAwsRetries(o => o.TransientBaseDelay = TimeSpan.FromTicks(1));
        }

        return services.BuildServiceProvider();
    }

    private static HttpClient Client(ServiceProvider provider) => provider.GetRequiredService<IHttpClientFactory>().CreateClient("orders");
}
