using ServiceAuth.Client.Testing.Internal.Auth;
using ServiceAuth.Client.Testing.Internal.Identity;

namespace ServiceAuth.Client.Testing.Internal.Sns;

/// <summary>Turns one validated entry into a delivery on a topic, honouring FIFO deduplication.</summary>
internal static class SnsPublisher
{
    public static SnsDelivery Deliver(LocalTopic topic, SnsEntry entry, KeyRecord caller, DateTimeOffset now)
    {
        string? deduplicationId = entry.MessageDeduplicationId;
        if (topic.IsFifo && deduplicationId is null && topic.ContentBasedDeduplication)
        {
            deduplicationId = SigV4Crypto.Sha256Hex(entry.Message!);
        }

        return topic.Accept(
            sequence => new SnsDelivery
            {
                TopicArn = topic.Arn,
                MessageId = Guid.NewGuid().ToString(),
                Message = entry.Message!,
                Subject = entry.Subject,
                MessageStructure = entry.MessageStructure,
                MessageAttributes = new Dictionary<string, DeliveredAttributeValue>(entry.Attributes, StringComparer.Ordinal),
                MessageGroupId = entry.MessageGroupId,
                MessageDeduplicationId = deduplicationId,
                SequenceNumber = sequence,
                PublisherArn = caller.CallerArn,
                Timestamp = now,
            },
            topic.IsFifo ? deduplicationId : null,
            now);
    }

    /// <summary>Maps a fault code to (status, message, sender fault).</summary>
    public static (int Status, string Message, bool SenderFault) Describe(string code) => code switch
    {
        "Throttled" => (429, "Rate exceeded", true),
        "Throttling" => (400, "Rate exceeded", true),
        "InternalError" => (500, "Internal Error", false),
        "InternalFailure" => (500, "Internal Failure", false),
        "ServiceUnavailable" => (503, "Service Unavailable", false),
        _ => (400, code, true),
    };
}
