using System.Net;
using Amazon.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using ServiceAuth.Client.TestUtilities;

namespace ServiceAuth.Client.Tests.Retry;

public sealed class AwsRetryPredicatesTests
{
    [Theory]
    [InlineData(400, "Throttling", true)]
    [InlineData(400, "ThrottlingException", true)]
    [InlineData(400, "RequestLimitExceeded", true)]
    [InlineData(503, "ServiceUnavailable", true)]
    [InlineData(500, "InternalFailure", true)]
    [InlineData(400, "ValidationException", false)]
    [InlineData(403, "AccessDeniedException", false)]
    [InlineData(501, "NotImplemented", false)]
    public async Task ShouldHandle_ClassifiesAsTheAwsSdksDo(int status, string code, bool expected)
    {
        ResilienceContext context = ResilienceContextPool.Shared.Get();
        using HttpResponseMessage answer = CapturingHandler.Error((HttpStatusCode)status, code, json: true);

        bool handled = await AwsRetryPredicates.ShouldHandle(new RetryPredicateArguments<HttpResponseMessage>(context, Outcome.FromResult(answer), 0));

        handled.ShouldBe(expected);
    }

    [Fact]
    public async Task ShouldHandle_CallerCancellation_IsNotRetried()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        ResilienceContext context = ResilienceContextPool.Shared.Get(cancelled.Token);

        bool handled = await AwsRetryPredicates.ShouldHandle(new RetryPredicateArguments<HttpResponseMessage>(context, Outcome.FromException<HttpResponseMessage>(new OperationCanceledException(cancelled.Token)), 0));

        handled.ShouldBeFalse();
    }

    [Fact]
    public async Task DelayGenerator_AfterThrottling_HonoursXAmzRetryAfter_AfterTransient_StaysUnderTheTransientBase()
    {
        ResilienceContext throttled = ResilienceContextPool.Shared.Get();
        using HttpResponseMessage throttling = CapturingHandler.Error(HttpStatusCode.BadRequest, "ThrottlingException", json: true);
        throttling.Headers.TryAddWithoutValidation("x-amz-retry-after", "3000");
        (await AwsRetryPredicates.ShouldHandle(new RetryPredicateArguments<HttpResponseMessage>(throttled, Outcome.FromResult(throttling), 0))).ShouldBeTrue();

        TimeSpan? afterThrottling = await AwsRetryPredicates.DelayGenerator(new RetryDelayGeneratorArguments<HttpResponseMessage>(throttled, Outcome.FromResult(throttling), 0));
        TimeSpan?[] afterTransient = await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ =>
        {
            using HttpResponseMessage unavailable = CapturingHandler.Error(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable");
            return await AwsRetryPredicates.DelayGenerator(new RetryDelayGeneratorArguments<HttpResponseMessage>(ResilienceContextPool.Shared.Get(), Outcome.FromResult(unavailable), 0));
        }));

        afterThrottling.ShouldBe(TimeSpan.FromSeconds(3)); // within [computed ≤ 1 s, computed + 5 s]
        afterTransient.ShouldAllBe(d => d <= TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public async Task AddAwsRetries_FromConfigurationSection_BindsAndValidates()
    {
        var wire = new CapturingHandler { Respond = (_, _) => CapturingHandler.Error(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable") };
        using ServiceProvider provider = Build(wire, new() { ["Retries:MaxRetryAttempts"] = "1", ["Retries:TransientBaseDelay"] = "00:00:00.0000001" });

        using HttpResponseMessage response = await provider.GetRequiredService<IHttpClientFactory>().CreateClient("orders").GetAsync("orders/1");

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        wire.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public void AddAwsRetries_FromConfigurationSection_UnknownKey_Fails()
    {
        using ServiceProvider provider = Build(new CapturingHandler(), new() { ["Retries:MaxRetries"] = "1" });

        Should.Throw<InvalidOperationException>(() => provider.GetRequiredService<IOptionsMonitor<AwsRetryOptions>>().Get("orders"))
            .Message.ShouldContain("MaxRetries");
    }

    private static ServiceProvider Build(CapturingHandler wire, Dictionary<string, string?> settings)
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSignedHttpClient("orders", o =>
            {
                o.BaseAddress = new Uri("https://abc123.execute-api.eu-west-1.amazonaws.com/prod/");
                o.Credentials = new BasicAWSCredentials("AKIDEXAMPLE", "secret");
            })
            .AddAwsRetries(configuration.GetSection("Retries"))
            .ConfigurePrimaryHttpMessageHandler(() => wire);
        return services.BuildServiceProvider();
    }
}
