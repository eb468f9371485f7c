using System.Net;
using Amazon.Runtime;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using ServiceAuth.Client.Signing;

namespace ServiceAuth.Client.Tests.Diagnostics;

/// <summary>A handler built with <c>new</c>, without a container, still measures: on the process-wide fallback meter.</summary>
[Collection(nameof(ProcessWideTelemetryCollection))]
public sealed class FallbackMeterTests
{
    [Fact]
    public async Task HandlerWithoutContainer_ClockSkewResend_MeasuredOnTheFallbackMeter()
    {
        var time = new FakeTimeProvider(TestClock.Start);
        var wire = new CapturingHandler
        {
            Respond = (_, n) => n == 1
                ? CapturingHandler.Error(HttpStatusCode.Forbidden, "RequestTimeTooSkewed", time.GetUtcNow().AddMinutes(7))
                : new HttpResponseMessage(HttpStatusCode.OK),
        };
        var options = new SignedHttpClientOptions
        {
            BaseAddress = new Uri("https://fallback-test.execute-api.eu-west-1.amazonaws.com/prod/"),
            Credentials = new BasicAWSCredentials("AKIDEXAMPLE", "secret"),
        };
        using MetricCollector<long> retries = ContainerMeter.CollectFallback<long>("serviceauth.http.retries");
        using MetricCollector<long> corrections = ContainerMeter.CollectFallback<long>("serviceauth.signing.clock_skew_corrections");
        using var client = new HttpClient(new SigV4DelegatingHandler(options, time) { InnerHandler = wire }) { BaseAddress = options.BaseAddress };

        using HttpResponseMessage response = await client.GetAsync("a");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        retries.GetMeasurementSnapshot().ShouldHaveSingleItem().Tags["reason"].ShouldBe("clock_skew");
        corrections.GetMeasurementSnapshot().ShouldHaveSingleItem().Value.ShouldBe(1);
    }
}
