using System.Diagnostics;
using System.Net;
using OpenTelemetry;
using OpenTelemetry.Trace;
using ServiceAuth.Client.Diagnostics;
using ServiceAuth.Client.EventBridge;
using ServiceAuth.Client.Tests.EventBridge.Support;

namespace ServiceAuth.Client.Tests.EventBridge;

/// <summary>The EventBridge publish spans, read back through OpenTelemetry's SDK and in-memory exporter, carry what the
/// messaging and AWS SDK semantic conventions ask for, like the SNS ones.</summary>
[Collection(nameof(ProcessWideTelemetryCollection))]
public sealed class EventBridgeTelemetryTests
{
    private const string RequestId = "0f2c7e8a-4b1d-4c3e-9a7f-2d6b8e1c5a90";

    [Fact]
    public async Task Publish_Span_FollowsTheMessagingAndAwsSdkConventions()
    {
        var spans = new List<Activity>();
        using TracerProvider provider = Sdk.CreateTracerProviderBuilder().AddSource(ServiceAuthTelemetry.Name).AddInMemoryExporter(spans).Build();
        using var host = new EventBridgeTestHost<string>(respond: r => WithRequestId(EventBridgeResponses.Answer(r)));

        await host.Publisher.PublishAsync("""{"n":1}""");

        Activity span = spans.ShouldHaveSingleItem();
        span.DisplayName.ShouldBe("put_events orders");
        span.Kind.ShouldBe(ActivityKind.Producer);
        span.Status.ShouldBe(ActivityStatusCode.Unset);
        Tags(span).ShouldBe(new Dictionary<string, string?>
        {
            ["messaging.system"] = "aws.eventbridge",
            ["messaging.operation.name"] = "put_events",
            ["messaging.operation.type"] = "send",
            ["messaging.destination.name"] = "orders",
            ["server.address"] = "events.eu-west-1.amazonaws.com",
            ["server.port"] = "443",
            ["cloud.region"] = "eu-west-1",
            ["rpc.system"] = "aws-api",
            ["rpc.service"] = "EventBridge",
            ["rpc.method"] = "PutEvents",
            ["messaging.message.id"] = """id-{"n":1}""",
            ["aws.request_id"] = RequestId,
        }, ignoreOrder: true);
    }

    [Fact]
    public async Task FailedPublish_Span_HasErrorTypeAndRequestId()
    {
        var spans = new List<Activity>();
        using TracerProvider provider = Sdk.CreateTracerProviderBuilder().AddSource(ServiceAuthTelemetry.Name).AddInMemoryExporter(spans).Build();
        using var host = new EventBridgeTestHost<string>(respond: _ => EventBridgeResponses.Error(HttpStatusCode.BadRequest, "AccessDeniedException", "not authorized"));

        await Should.ThrowAsync<EventBridgeException>(() => host.Publisher.PublishAsync("""{"n":1}"""));

        Activity span = spans.ShouldHaveSingleItem();
        span.Status.ShouldBe(ActivityStatusCode.Error);
        span.GetTagItem("error.type").ShouldBe("AccessDeniedException");
        span.GetTagItem("aws.request_id").ShouldBe("req-1");
        span.GetTagItem("messaging.message.id").ShouldBeNull();
    }

    [Fact]
    public async Task PublishBatch_PartialFailure_Span_HasCountAndErrorType()
    {
        var spans = new List<Activity>();
        using TracerProvider provider = Sdk.CreateTracerProviderBuilder().AddSource(ServiceAuthTelemetry.Name).AddInMemoryExporter(spans).Build();
        using var host = new EventBridgeTestHost<string>(respond: r => EventBridgeResponses.Answer(r, d => d.Contains('2', StringComparison.Ordinal) ? "MalformedDetail" : null));

        EventBridgeBatchResult result = await host.Publisher.PublishBatchAsync(["""{"n":1}""", """{"n":2}""", """{"n":3}"""]);

        result.FailedCount.ShouldBe(1);
        Activity span = spans.ShouldHaveSingleItem();
        span.DisplayName.ShouldBe("put_events orders");
        span.GetTagItem("messaging.batch.message_count").ShouldBe(3);
        span.GetTagItem("rpc.method").ShouldBe("PutEvents");
        span.Status.ShouldBe(ActivityStatusCode.Error);
        span.GetTagItem("error.type").ShouldBe("partial_batch_failure");
        span.GetTagItem("aws.request_id").ShouldBeNull("a batch may take several requests");
    }

    private static HttpResponseMessage WithRequestId(HttpResponseMessage response)
    {
        response.Headers.TryAddWithoutValidation("x-amzn-RequestId", RequestId);
        return response;
    }

    private static Dictionary<string, string?> Tags(Activity span) => span.TagObjects.ToDictionary(t => t.Key, t => t.Value?.ToString());
}
