using System.Diagnostics;
using ServiceAuth.Client.Diagnostics;

namespace ServiceAuth.Client.Sns.Internal;

/// <summary>
/// The SNS publish spans, by the OpenTelemetry messaging and AWS SDK semantic conventions: kind Producer, name
/// <c>{operation} {topic}</c>, <c>messaging.system</c> = <c>aws.sns</c>, <c>messaging.operation.name</c>/<c>type</c>,
/// <c>messaging.destination.name</c>, <c>aws.sns.topic.arn</c>, <c>server.address</c>/<c>port</c>, <c>rpc.*</c>, and on the way
/// out <c>aws.request_id</c>, <c>messaging.message.id</c> or <c>error.type</c>. The <c>traceparent</c> sent with the
/// message comes from <see cref="DistributedContextPropagator.Current"/>.
/// </summary>
internal static class SnsActivities
{
    /// <summary>The <c>messaging.system</c> of SNS: the well-known value of the conventions (v1.37).</summary>
    public const string System = "aws.sns";

    public static Activity? Start<TMessage>(SnsPublisherSettings<TMessage> settings, string operation, int? batchCount)
    {
        Activity? activity = ServiceAuthTelemetry.ActivitySource.StartActivity($"{operation} {settings.Topic.Name}", ActivityKind.Producer);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("messaging.system", System);
            activity.SetTag("messaging.operation.name", operation);
            activity.SetTag("messaging.operation.type", MessagingTarget.SendOperationType);
            activity.SetTag("messaging.destination.name", settings.Topic.Name);
            activity.SetTag("aws.sns.topic.arn", settings.Topic.Value);
            activity.SetTag("server.address", settings.ServerAddress);
            activity.SetTag("server.port", settings.ServerPort);
            activity.SetTag("rpc.system", "aws-api");
            activity.SetTag("rpc.service", "SNS");
            activity.SetTag("rpc.method", operation == "publish" ? "Publish" : "PublishBatch");
            activity.SetTag("cloud.region", settings.Topic.Region);
            if (batchCount is { } count)
            {
                activity.SetTag("messaging.batch.message_count", count);
            }
        }

        return activity;
    }

    public static void Failed(Activity? activity, string errorCode, string? requestId)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetStatus(ActivityStatusCode.Error, errorCode);
        activity.SetTag("error.type", string.IsNullOrEmpty(errorCode) ? "_OTHER" : errorCode);
        activity.SetTag("aws.request_id", requestId);
    }

    /// <summary>The W3C <c>traceparent</c> the configured propagator writes for <paramref name="activity"/>, if any.</summary>
    public static string? TraceParent(Activity? activity)
    {
        if (activity is null)
        {
            return null;
        }

        string? traceParent = null;
        DistributedContextPropagator.Current.Inject(activity, null, (_, name, value) =>
        {
            if (string.Equals(name, "traceparent", StringComparison.OrdinalIgnoreCase))
            {
                traceParent = value;
            }
        });
        return traceParent;
    }
}
