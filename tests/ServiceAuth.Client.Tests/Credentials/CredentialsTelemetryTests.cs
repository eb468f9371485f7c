using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using ServiceAuth.Client.Credentials;
using ServiceAuth.Client.Credentials.Internal;
using ServiceAuth.Client.Diagnostics;
using ServiceAuth.Client.Tests.Support;

namespace ServiceAuth.Client.Tests.Credentials;

[Collection(nameof(ProcessWideTelemetryCollection))]
public sealed class CredentialsTelemetryTests
{
    private const string ExternalId = "ext-SECRETISH-id";

    [Fact]
    public async Task RefreshInvalidationAndSkew_AreLoggedAndMeasured_WithoutSecrets()
    {
        var logs = new FakeLoggerProvider();
        var measurements = new ConcurrentQueue<(string Instrument, string Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ServiceAuthTelemetry.Name)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, _, tags, _) => measurements.Enqueue((i.Name, Format(tags))));
        listener.SetMeasurementEventCallback<double>((i, _, tags, _) => measurements.Enqueue((i.Name, Format(tags))));
        listener.Start();
        var time = new FakeTimeProvider(TestClock.Start);
        var sts = new FakeSts(time);
        var wire = new CapturingHandler
        {
            Respond = (_, n) => n switch
            {
                1 => CapturingHandler.Error(HttpStatusCode.Forbidden, "ExpiredToken"),
                3 => CapturingHandler.Error(HttpStatusCode.Forbidden, "RequestTimeTooSkewed", time.GetUtcNow().AddMinutes(7)),
                _ => new HttpResponseMessage(HttpStatusCode.OK),
            },
        };
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton<IStsClientFactory>(sts);
        services.AddSignedHttpClient("orders", o =>
        {
            o.BaseAddress = new Uri("https://telemetry-test.execute-api.eu-west-1.amazonaws.com/prod/");
            o.Credentials = CacheFixture.Source;
            o.AssumeRole = new AssumeRoleOptions { RoleArn = CacheFixture.RoleArn, ExternalId = ExternalId, RoleSessionName = "telemetry" };
        }).ConfigurePrimaryHttpMessageHandler(() => wire);
        using ServiceProvider provider = services.BuildServiceProvider();
        HttpClient client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("orders");

        using HttpResponseMessage first = await client.GetAsync("a");
        using HttpResponseMessage second = await client.GetAsync("b");
        sts.Behavior = _ => throw FakeSts.Error("Throttling", HttpStatusCode.BadRequest, "req-throttled");
        time.Advance(TimeSpan.FromMinutes(50));
        using HttpResponseMessage third = await client.GetAsync("c");
        await Eventually.UntilAsync(() => logs.Collector.Lines().Any(l => l.Contains("[201]", StringComparison.Ordinal)), "an attempt fails");

        string[] lines = [.. logs.Collector.Lines()];
        lines.ShouldContain(l => l.Contains("[200]", StringComparison.Ordinal) && l.Contains(CacheFixture.RoleArn, StringComparison.Ordinal));
        lines.ShouldContain(l => l.Contains("[205]", StringComparison.Ordinal));
        lines.ShouldContain(l => l.Contains("[150]", StringComparison.Ordinal) && l.Contains("ExpiredToken", StringComparison.Ordinal));
        lines.ShouldContain(l => l.Contains("[151]", StringComparison.Ordinal) && l.Contains("RequestTimeTooSkewed", StringComparison.Ordinal));
        lines.ShouldContain(l => l.Contains("[201]", StringComparison.Ordinal) && l.Contains("req-throttled", StringComparison.Ordinal));
        string[] names = [.. measurements.Select(m => m.Instrument).Distinct()];
        names.ShouldContain("serviceauth.sts.assume_role.duration");
        names.ShouldContain("serviceauth.credentials.refreshes");
        names.ShouldContain("serviceauth.credentials.invalidations");
        names.ShouldContain("serviceauth.signing.clock_skew_corrections");
        names.ShouldContain("serviceauth.credentials.cache.hits");
        measurements.ShouldContain(m => m.Instrument == "serviceauth.sts.assume_role.duration" && m.Tags.Contains("error.type=Throttling", StringComparison.Ordinal));
        foreach (string text in lines.Concat(measurements.Select(m => m.Tags)))
        {
            text.ShouldNotContain("secret-");
            text.ShouldNotContain("token-");
            text.ShouldNotContain("SECRETISH");
            text.ShouldNotContain("source-secret");
        }
    }

    private static string Format(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var parts = new List<string>();
        foreach (KeyValuePair<string, object?> tag in tags)
        {
            parts.Add($"{tag.Key}={tag.Value}");
        }

        return string.Join(",", parts);
    }
}
