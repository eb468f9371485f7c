using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using OpenTelemetry;
using OpenTelemetry.Trace;
using ServiceAuth.Client.Diagnostics;
using ServiceAuth.Client.Tests.EventBridge.Support;
using ServiceAuth.Client.Tests.Sns.Support;

namespace ServiceAuth.Client.Tests.Diagnostics;

/// <summary>Issue 21 item 9: the publishers follow the OpenTelemetry semantic conventions v1.37 — the well-known
/// <c>messaging.system</c> <c>aws.sns</c> (EventBridge in the same style), <c>messaging.operation.type</c> on
/// <c>messaging.client.operation.duration</c>, and <c>server.port</c> on spans and metrics (here a <c>ServiceUrl</c> port).</summary>
[Collection(nameof(ProcessWideTelemetryCollection))]
public sealed class MessagingConventionTests
{
    private const string Duration = "messaging.client.operation.duration";

    [Fact]
    public async Task Sns_ServiceUrlPort_IsServerPort_OnTheSpanAndTheDuration_WithOperationType()
    {
        var spans = new List<Activity>();
        using TracerProvider provider = Sdk.CreateTracerProviderBuilder().AddSource(ServiceAuthTelemetry.Name).AddInMemoryExporter(spans).Build();
        using var host = new SnsTestHost<string>(o => o.ServiceUrl = new Uri("http://127.0.0.1:4566/"));
        using MetricCollector<double> duration = ContainerMeter.Collect<double>(host.Services, Duration);

        await host.Publisher.PublishAsync("m");

        Activity span = spans.ShouldHaveSingleItem();
        span.GetTagItem("messaging.system").ShouldBe("aws.sns");
        span.GetTagItem("server.address").ShouldBe("127.0.0.1");
        span.GetTagItem("server.port").ShouldBe(4566);
        IReadOnlyDictionary<string, object?> tags = duration.GetMeasurementSnapshot().ShouldHaveSingleItem().Tags;
        tags["messaging.system"].ShouldBe("aws.sns");
        tags["messaging.operation.type"].ShouldBe("send");
        tags["server.address"].ShouldBe("127.0.0.1");
        tags["server.port"].ShouldBe(4566);
    }

    [Fact]
    public async Task EventBridge_ServiceUrlPort_IsServerPort_OnTheSpanAndTheDuration_WithOperationType()
    {
        var spans = new List<Activity>();
        using TracerProvider provider = Sdk.CreateTracerProviderBuilder().AddSource(ServiceAuthTelemetry.Name).AddInMemoryExporter(spans).Build();
        using var host = new EventBridgeTestHost<string>(o => o.ServiceUrl = new Uri("http://127.0.0.1:4566/"));
        using MetricCollector<double> duration = ContainerMeter.Collect<double>(host.Services, Duration);

        await host.Publisher.PublishAsync("""{"n":1}""");

        Activity span = spans.ShouldHaveSingleItem();
        span.GetTagItem("messaging.system").ShouldBe("aws.eventbridge");
        span.GetTagItem("server.port").ShouldBe(4566);
        IReadOnlyDictionary<string, object?> tags = duration.GetMeasurementSnapshot().ShouldHaveSingleItem().Tags;
        tags["messaging.system"].ShouldBe("aws.eventbridge");
        tags["messaging.operation.type"].ShouldBe("send");
        tags["server.port"].ShouldBe(4566);
    }
}
