using System.Text.Json;
using ServiceAuth.Client.Testing.Internal.Sqs;

namespace ServiceAuth.Client.Testing.Internal.Sns.Subscriptions;

/// <summary>
/// Delivers every message a topic accepts to its confirmed SQS subscriptions, in the topic's order (it runs inside the
/// topic's lock): the signed JSON envelope, or the raw body with the attributes as SQS message attributes when
/// <c>RawMessageDelivery</c> is set. A queue whose policy does not let the topic send gets nothing, as on AWS, where the
/// delivery fails silently for the publisher; so does a raw delivery of more than 10 attributes.
/// </summary>
internal static class SubscriptionFanOut
{
    /// <summary>The unique id SQS reports as the SenderId of messages SNS delivers.</summary>
    public const string SnsSenderId = "AIDAIT2UOQQY3AUEKVGXU";

    public static void Deliver(EndpointState state, LocalTopic topic, SnsDelivery delivery)
    {
        foreach (SnsSubscription subscription in state.Subscriptions.OfTopic(topic.Arn))
        {
            if (!subscription.Confirmed || state.Queues.FindByArn(subscription.Endpoint) is not { } queue || !SubscriptionAccess.MaySendToQueue(queue, topic.Arn))
            {
                continue;
            }

            string message = ForProtocol(delivery);
            if (subscription.RawMessageDelivery && delivery.MessageAttributes.Count > 10)
            {
                continue;
            }

            string body = subscription.RawMessageDelivery ? message : EnvelopeWriter.Notification(state, topic, delivery, message, subscription.Arn);
            IReadOnlyDictionary<string, DeliveredAttributeValue> attributes = subscription.RawMessageDelivery
                ? delivery.MessageAttributes.ToDictionary(a => a.Key, a => a.Value.DataType == "String.Array" ? new DeliveredAttributeValue("String", a.Value.StringValue, default) : a.Value, StringComparer.Ordinal)
                : new Dictionary<string, DeliveredAttributeValue>(StringComparer.Ordinal);
            string? group = queue.IsFifo ? delivery.MessageGroupId : null;
            string? deduplication = queue.IsFifo ? delivery.MessageDeduplicationId ?? delivery.MessageId : null;
            SqsMessageHandler.Enqueue(state, queue, body, attributes, group, deduplication, SnsSenderId);
        }
    }

    /// <summary>Sends a <c>SubscriptionConfirmation</c> to a queue that another account subscribed.</summary>
    public static void Confirm(EndpointState state, LocalTopic topic, SnsSubscription subscription, SqsQueue queue)
    {
        if (SubscriptionAccess.MaySendToQueue(queue, topic.Arn))
        {
            string body = EnvelopeWriter.Confirmation(state, topic, subscription);
            SqsMessageHandler.Enqueue(state, queue, body, new Dictionary<string, DeliveredAttributeValue>(), queue.IsFifo ? "sns-confirmation" : null, queue.IsFifo ? subscription.Token : null, SnsSenderId);
        }
    }

    /// <summary>With <c>MessageStructure=json</c> SQS gets the <c>sqs</c> member, else <c>default</c>.</summary>
    private static string ForProtocol(SnsDelivery delivery)
    {
        if (delivery.MessageStructure != "json")
        {
            return delivery.Message;
        }

        using JsonDocument document = JsonDocument.Parse(delivery.Message);
        JsonElement root = document.RootElement;
        return (root.TryGetProperty("sqs", out JsonElement sqs) ? sqs : root.GetProperty("default")).GetString() ?? string.Empty;
    }
}
