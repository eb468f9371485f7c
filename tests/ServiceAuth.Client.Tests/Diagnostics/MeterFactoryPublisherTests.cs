using System.Net;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using ServiceAuth.Client.Sns;
using ServiceAuth.Client.Tests.EventBridge.Support;
using ServiceAuth.Client.Tests.Sns.Support;

namespace ServiceAuth.Client.Tests.Diagnostics;

/// <summary>The SNS and EventBridge publishers measure on the meter of their container's <c>IMeterFactory</c>: a second
/// container's collectors and the static fallback meter see nothing of the first's.</summary>
[Collection(nameof(ProcessWideTelemetryCollection))]
public sealed class MeterFactoryPublisherTests
{
    private const string Sent = "messaging.client.sent.messages";
    private const string Duration = "messaging.client.operation.duration";

    [Fact]
    public async Task SnsPublish_MeasuresOnItsContainersMeter_WithTheMessagingTags()
    {
        using var used = new SnsTestHost<string>();
        using var other = new SnsTestHost<string>();
        using MetricCollector<long> sent = ContainerMeter.Collect<long>(used.Services, Sent);
        using MetricCollector<double> duration = ContainerMeter.Collect<double>(used.Services, Duration);
        using MetricCollector<long> otherSent = ContainerMeter.Collect<long>(other.Services, Sent);
        using MetricCollector<long> fallback = ContainerMeter.CollectFallback<long>(Sent);
        _ = other.Publisher;

        await used.Publisher.PublishAsync("m");

        CollectedMeasurement<long> message = sent.GetMeasurementSnapshot().ShouldHaveSingleItem();
        message.Value.ShouldBe(1);
        message.Tags.ShouldBe(new Dictionary<string, object?>
        {
            ["messaging.system"] = "aws.sns",
            ["messaging.operation.name"] = "publish",
            ["messaging.destination.name"] = "orders",
            ["server.address"] = "sns.eu-west-1.amazonaws.com",
            ["server.port"] = 443,
        }, ignoreOrder: true);
        duration.Instrument!.Unit.ShouldBe("s");
        duration.GetMeasurementSnapshot().ShouldHaveSingleItem().Tags.ShouldBe(new Dictionary<string, object?>
        {
            ["messaging.system"] = "aws.sns",
            ["messaging.operation.name"] = "publish",
            ["messaging.operation.type"] = "send",
            ["messaging.destination.name"] = "orders",
            ["server.address"] = "sns.eu-west-1.amazonaws.com",
            ["server.port"] = 443,
        }, ignoreOrder: true);
        otherSent.GetMeasurementSnapshot().ShouldBeEmpty();
        fallback.GetMeasurementSnapshot().ShouldBeEmpty();
    }

    [Fact]
    public async Task SnsPublish_Failed_CarriesTheErrorCodeAsErrorType()
    {
        using var host = new SnsTestHost<string>(respond: _ => SnsResponses.Error(HttpStatusCode.Forbidden, "AuthorizationError", "not authorized"));
        using MetricCollector<long> sent = ContainerMeter.Collect<long>(host.Services, Sent);
        using MetricCollector<double> duration = ContainerMeter.Collect<double>(host.Services, Duration);

        await Should.ThrowAsync<SnsException>(() => host.Publisher.PublishAsync("m"));

        sent.GetMeasurementSnapshot().ShouldHaveSingleItem().Tags["error.type"].ShouldBe("AuthorizationError");
        duration.GetMeasurementSnapshot().ShouldHaveSingleItem().Tags["error.type"].ShouldBe("AuthorizationError");
    }

    [Fact]
    public async Task EventBridgeBatch_PartialFailure_CountsEachOutcome_OnItsContainersMeterOnly()
    {
        using var used = new EventBridgeTestHost<string>(respond: r => EventBridgeResponses.Answer(r, d => d.Contains('b', StringComparison.Ordinal) ? "MalformedDetail" : null));
        using var other = new EventBridgeTestHost<string>();
        using MetricCollector<long> sent = ContainerMeter.Collect<long>(used.Services, Sent);
        using MetricCollector<double> duration = ContainerMeter.Collect<double>(used.Services, Duration);
        using MetricCollector<long> otherSent = ContainerMeter.Collect<long>(other.Services, Sent);
        using MetricCollector<long> fallback = ContainerMeter.CollectFallback<long>(Sent);
        _ = other.Publisher;

        await used.Publisher.PublishBatchAsync(["""{"n":"a"}""", """{"n":"b"}""", """{"n":"c"}"""]);

        IReadOnlyList<CollectedMeasurement<long>> counts = sent.GetMeasurementSnapshot();
        counts.Count.ShouldBe(2);
        counts.ShouldAllBe(m => (string?)m.Tags["messaging.system"] == "aws.eventbridge" && (string?)m.Tags["messaging.destination.name"] == "orders"
            && (string?)m.Tags["messaging.operation.name"] == "put_events" && (string?)m.Tags["server.address"] == "events.eu-west-1.amazonaws.com");
        counts.Single(m => !m.Tags.ContainsKey("error.type")).Value.ShouldBe(2);
        counts.Single(m => m.Tags.ContainsKey("error.type")).ShouldSatisfyAllConditions(
            m => m.Value.ShouldBe(1),
            m => m.Tags["error.type"].ShouldBe("MalformedDetail"));
        counts.ShouldAllBe(m => !m.Tags.ContainsKey("messaging.operation.type") && (int?)m.Tags["server.port"] == 443);
        duration.GetMeasurementSnapshot().ShouldHaveSingleItem().Tags.ShouldSatisfyAllConditions(
            t => t["error.type"].ShouldBe("partial_batch_failure"),
            t => t["messaging.system"].ShouldBe("aws.eventbridge"),
            t => t["messaging.operation.type"].ShouldBe("send"),
            t => t["server.port"].ShouldBe(443));
        otherSent.GetMeasurementSnapshot().ShouldBeEmpty();
        fallback.GetMeasurementSnapshot().ShouldBeEmpty();
    }
}
