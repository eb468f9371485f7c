using System.Diagnostics;
using ServiceAuth.Client.Diagnostics;

namespace ServiceAuth.Client.EventBridge.Internal;

/// <summary>
/// The EventBridge publish spans, by the OpenTelemetry messaging and AWS SDK semantic conventions, shaped like the SNS
/// ones: one Producer span per <c>PublishAsync</c>/<c>PublishBatchAsync</c> call (its <c>PutEvents</c> requests and
/// retry rounds included), named <c>put_events {bus}</c>, with <c>messaging.system</c> = <c>aws.eventbridge</c>,
/// <c>messaging.operation.name</c>/<c>type</c>, <c>messaging.destination.name</c>, <c>server.address</c>/<c>port</c>,
/// <c>cloud.region</c> and <c>rpc.*</c>; on the way out <c>messaging.message.id</c>, <c>aws.request_id</c> (single
/// events) or <c>error.type</c>.
/// </summary>
internal static class EventBridgeActivities
{
    /// <summary>The <c>messaging.operation.name</c> of both calls: they send <c>PutEvents</c>.</summary>
    public const string Operation = "put_events";

    /// <summary>The <c>messaging.system</c> of EventBridge, in the style of the conventions' <c>aws.sns</c> (they name no
    /// EventBridge value).</summary>
    public const string System = "aws.eventbridge";

    public static Activity? Start<TEvent>(EventBridgePublisherSettings<TEvent> settings, int? batchCount)
    {
        Activity? activity = ServiceAuthTelemetry.ActivitySource.StartActivity($"{Operation} {settings.Bus.Name}", ActivityKind.Producer);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("messaging.system", System);
            activity.SetTag("messaging.operation.name", Operation);
            activity.SetTag("messaging.operation.type", MessagingTarget.SendOperationType);
            activity.SetTag("messaging.destination.name", settings.Bus.Name);
            activity.SetTag("server.address", settings.ServerAddress);
            activity.SetTag("server.port", settings.ServerPort);
            activity.SetTag("cloud.region", settings.Region);
            activity.SetTag("rpc.system", "aws-api");
            activity.SetTag("rpc.service", "EventBridge");
            activity.SetTag("rpc.method", "PutEvents");
            if (batchCount is { } count)
            {
                activity.SetTag("messaging.batch.message_count", count);
            }
        }

        return activity;
    }

    public static void Failed(Activity? activity, string errorType, string description)
    {
        activity?.SetStatus(ActivityStatusCode.Error, description);
        activity?.SetTag("error.type", errorType);
    }
}
