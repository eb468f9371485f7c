namespace ServiceAuth.Client.Testing;

/// <summary>A message a <see cref="LocalTopic"/> accepted.</summary>
public sealed class SnsDelivery
{
    internal SnsDelivery()
    {
    }

    /// <summary>Gets the topic ARN.</summary>
    public required string TopicArn { get; init; }

    /// <summary>Gets the message id returned to the publisher.</summary>
    public required string MessageId { get; init; }

    /// <summary>Gets the message body.</summary>
    public required string Message { get; init; }

    /// <summary>Gets the subject, if any.</summary>
    public string? Subject { get; init; }

    /// <summary>Gets the message structure (<c>json</c>), if any.</summary>
    public string? MessageStructure { get; init; }

    /// <summary>Gets the message attributes by name.</summary>
    public required IReadOnlyDictionary<string, DeliveredAttributeValue> MessageAttributes { get; init; }

    /// <summary>Gets the message group id, if any.</summary>
    public string? MessageGroupId { get; init; }

    /// <summary>Gets the deduplication id, if any (the body's SHA-256 with content-based deduplication).</summary>
    public string? MessageDeduplicationId { get; init; }

    /// <summary>Gets the sequence number for FIFO topics.</summary>
    public string? SequenceNumber { get; init; }

    /// <summary>Gets the ARN of the publisher (a user ARN or an assumed-role session ARN).</summary>
    public required string PublisherArn { get; init; }

    /// <summary>Gets the time the endpoint accepted the message.</summary>
    public required DateTimeOffset Timestamp { get; init; }
}
