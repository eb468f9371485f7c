using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using ServiceAuth.Client.Testing;

namespace ServiceAuth.Client.IntegrationTests.Resilience;

/// <summary>
/// Microsoft.Extensions.Http.Resilience's standard handler around a signed client, against <see cref="LocalAwsEndpoint"/>
/// (which verifies every signature): the signer stays innermost, so every attempt carries exactly one signature,
/// computed afresh, and the body is sent intact every time.
/// </summary>
public sealed class StandardHandlerTests : IAsyncDisposable
{
    private readonly ScriptedApi _api = new(LocalAwsEndpoint.CreateInMemory());
    private readonly WireRecorder _wire;

    public StandardHandlerTests() => _wire = new WireRecorder(_api.Endpoint.CreateHandler());

    [Fact]
    public async Task AwsShouldHandle_RetriesThrottlingAndUnavailable_EachAttemptFreshlySignedOnceAndVerified()
    {
        using ServiceProvider provider = Build(o => o.Retry.ShouldHandle = AwsRetryPredicates.ShouldHandle);
        _api.Then(ScriptedApi.Throttling, ScriptedApi.Unavailable);

        using HttpResponseMessage response = await Client(provider).PostAsync("orders", Json());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        AssertEveryAttemptSignedOnceAfresh(expectedAttempts: 3);
        _api.ReceivedBodies.ShouldAllBe(b => b == ScriptedApi.Body);
    }

    [Fact]
    public async Task DefaultShouldHandle_DoesNotRetryHttp400Throttling()
    {
        using ServiceProvider provider = Build(_ => { });
        _api.Then(ScriptedApi.Throttling);

        using HttpResponseMessage response = await Client(provider).PostAsync("orders", Json());

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        _api.VerifiedCalls.ShouldBe(1);
    }

    [Fact]
    public async Task AwsShouldHandle_DoesNotRetryAccessDenied()
    {
        using ServiceProvider provider = Build(o => o.Retry.ShouldHandle = AwsRetryPredicates.ShouldHandle);
        _api.Then(() => new HttpResponseMessage(HttpStatusCode.Forbidden) { Content = new StringContent("{\"message\":\"User: x is not authorized\"}") });

        using HttpResponseMessage response = await Client(provider).PostAsync("orders", Json());

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        _api.VerifiedCalls.ShouldBe(1);
    }

    public ValueTask DisposeAsync() => _api.DisposeAsync();

    internal static StringContent Json() => new(ScriptedApi.Body, Encoding.UTF8, "application/json");

    private void AssertEveryAttemptSignedOnceAfresh(int expectedAttempts)
    {
        string[][] attempts = [.. _wire.Authorizations];
        attempts.Length.ShouldBe(expectedAttempts);
        attempts.ShouldAllBe(a => a.Length == 1);
        attempts.Select(a => a[0]).Distinct().Count().ShouldBe(expectedAttempts, "each attempt is signed afresh");
        _api.VerifiedCalls.ShouldBe(expectedAttempts, "the endpoint verified every attempt's signature");
    }

    private ServiceProvider Build(Action<Microsoft.Extensions.Http.Resilience.HttpStandardResilienceOptions> configure)
    {
        var services = new ServiceCollection();
        _api.AddClient(services, _wire, new SteppingTimeProvider()).AddStandardResilienceHandler(o =>
        {
            o.Retry.Delay = TimeSpan.Zero;
            configure(o);
        });
        return services.BuildServiceProvider();
    }

    private static HttpClient Client(ServiceProvider provider) => provider.GetRequiredService<IHttpClientFactory>().CreateClient("orders");
}
