using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ServiceAuth.Client.Testing;

namespace ServiceAuth.Client.IntegrationTests.Resilience;

/// <summary>
/// <c>HttpClient.Send</c> (synchronous) over a real socket to <see cref="LocalAwsEndpoint"/>: both <c>AddAwsRetries</c>
/// and the standard handler run their retries synchronously (Microsoft.Extensions.Http.Resilience's handler implements
/// <c>Send</c>), and the signer signs every attempt afresh, as docs/resilience.md says.
/// </summary>
public sealed class SynchronousSendTests : IAsyncLifetime
{
    private ScriptedApi _api = null!;
    private WireRecorder _wire = null!;

    public async Task InitializeAsync()
    {
        _api = new ScriptedApi(await LocalAwsEndpoint.StartAsync());
        _wire = new WireRecorder(new SocketsHttpHandler());
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public void Send_WithAddAwsRetries_RetriesThrottlingSynchronously()
    {
        var services = new ServiceCollection();
        _api.AddClient(services, _wire, new SteppingTimeProvider())
            .AddAwsRetries(o => (o.ThrottlingBaseDelay, o.RetryNonIdempotent) = (TimeSpan.FromTicks(1), true));
        AssertSentSynchronouslyWithOneRetry(services);
    }

    [Fact]
    public void Send_WithStandardHandlerAndAwsShouldHandle_RetriesThrottlingSynchronously()
    {
        var services = new ServiceCollection();
        _api.AddClient(services, _wire, new SteppingTimeProvider())
            .AddStandardResilienceHandler(o => (o.Retry.ShouldHandle, o.Retry.Delay) = (AwsRetryPredicates.ShouldHandle, TimeSpan.Zero));
        AssertSentSynchronouslyWithOneRetry(services);
    }

    private void AssertSentSynchronouslyWithOneRetry(ServiceCollection services)
    {
        using ServiceProvider provider = services.BuildServiceProvider();
        HttpClient client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("orders");
        _api.Then(ScriptedApi.Throttling);

        using HttpResponseMessage response = client.Send(new HttpRequestMessage(HttpMethod.Post, "orders") { Content = StandardHandlerTests.Json() });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        string[][] attempts = [.. _wire.Authorizations];
        attempts.Length.ShouldBe(2);
        attempts.ShouldAllBe(a => a.Length == 1);
        attempts[0][0].ShouldNotBe(attempts[1][0]);
        _api.ReceivedBodies.ShouldBe([ScriptedApi.Body, ScriptedApi.Body]);
    }
}
