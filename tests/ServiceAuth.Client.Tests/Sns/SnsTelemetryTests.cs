using System.Diagnostics;
using System.Net;
using OpenTelemetry;
using OpenTelemetry.Trace;
using ServiceAuth.Client.Diagnostics;
using ServiceAuth.Client.Sns;
using ServiceAuth.Client.Tests.Sns.Support;

namespace ServiceAuth.Client.Tests.Sns;

/// <summary>The SNS publish spans, read back through OpenTelemetry's SDK and in-memory exporter, carry what the
/// messaging and AWS SDK semantic conventions ask for.</summary>
[Collection(nameof(ProcessWideTelemetryCollection))]
public sealed class SnsTelemetryTests
{
    [Fact]
    public async Task Publish_Span_FollowsTheMessagingConventions_AndTheMessageCarriesItsTraceparent()
    {
        var spans = new List<Activity>();
        using (TracerProvider provider = Sdk.CreateTracerProviderBuilder().AddSource(ServiceAuthTelemetry.Name).AddInMemoryExporter(spans).Build())
        using (var host = new SnsTestHost<string>(o => o.AddTraceContext = true))
        {
            await host.Publisher.PublishAsync("m");

            Activity span = spans.ShouldHaveSingleItem();
            span.DisplayName.ShouldBe("publish orders");
            span.Kind.ShouldBe(ActivityKind.Producer);
            Tags(span).ShouldBe(new Dictionary<string, string?>
            {
                ["messaging.system"] = "aws.sns",
                ["messaging.operation.name"] = "publish",
                ["messaging.operation.type"] = "send",
                ["messaging.destination.name"] = "orders",
                ["aws.sns.topic.arn"] = SnsTestHost<string>.TopicArn,
                ["server.address"] = "sns.eu-west-1.amazonaws.com",
                ["server.port"] = "443",
                ["rpc.system"] = "aws-api",
                ["rpc.service"] = "SNS",
                ["rpc.method"] = "Publish",
                ["cloud.region"] = "eu-west-1",
                ["messaging.message.id"] = "567910cd-659e-55d4-8ccb-5aaf14679dc0",
                ["aws.request_id"] = "d74b8436-ae13-5ab4-a9ff-ce54dfea72a0",
            }, ignoreOrder: true);
            host.Handler.Requests.ShouldHaveSingleItem()["MessageAttributes.entry.1.Value.StringValue"]
                .ShouldBe($"00-{span.TraceId.ToHexString()}-{span.SpanId.ToHexString()}-01");
        }
    }

    [Fact]
    public async Task FailedPublish_Span_HasErrorTypeAndRequestId()
    {
        var spans = new List<Activity>();
        using TracerProvider provider = Sdk.CreateTracerProviderBuilder().AddSource(ServiceAuthTelemetry.Name).AddInMemoryExporter(spans).Build();
        using var host = new SnsTestHost<string>(respond: _ => SnsResponses.Error(HttpStatusCode.Forbidden, "AuthorizationError", "not authorized"));

        await Should.ThrowAsync<SnsException>(() => host.Publisher.PublishAsync("m"));

        Activity span = spans.ShouldHaveSingleItem();
        span.Status.ShouldBe(ActivityStatusCode.Error);
        span.GetTagItem("error.type").ShouldBe("AuthorizationError");
        span.GetTagItem("aws.request_id").ShouldBe("9dd01905-5012-5f99-8663-4b3ecd0dfaef");
    }

    [Fact]
    public async Task PublishFailingWithoutAnAwsAnswer_Span_HasTheExceptionTypeAsErrorType()
    {
        var spans = new List<Activity>();
        using TracerProvider provider = Sdk.CreateTracerProviderBuilder().AddSource(ServiceAuthTelemetry.Name).AddInMemoryExporter(spans).Build();
        using var host = new SnsTestHost<string>(respond: _ => throw new HttpRequestException("connection refused"));

        Exception thrown = await Should.ThrowAsync<Exception>(() => host.Publisher.PublishAsync("m"));

        thrown.ShouldNotBeOfType<SnsException>();
        Activity span = spans.ShouldHaveSingleItem();
        span.Status.ShouldBe(ActivityStatusCode.Error);
        span.GetTagItem("error.type").ShouldBe(thrown.GetType().FullName);
    }

    [Fact]
    public async Task PublishBatch_Span_NamesTheOperationAndCount()
    {
        var spans = new List<Activity>();
        using TracerProvider provider = Sdk.CreateTracerProviderBuilder().AddSource(ServiceAuthTelemetry.Name).AddInMemoryExporter(spans).Build();
        using var host = new SnsTestHost<string>();

        await host.Publisher.PublishBatchAsync(["a", "b", "c"]);

        Activity span = spans.ShouldHaveSingleItem();
        span.DisplayName.ShouldBe("publish_batch orders");
        span.GetTagItem("messaging.operation.name").ShouldBe("publish_batch");
        span.GetTagItem("rpc.method").ShouldBe("PublishBatch");
        span.GetTagItem("messaging.batch.message_count").ShouldBe(3);
    }

    private static Dictionary<string, string?> Tags(Activity span) => span.TagObjects.ToDictionary(t => t.Key, t => t.Value?.ToString());
}
