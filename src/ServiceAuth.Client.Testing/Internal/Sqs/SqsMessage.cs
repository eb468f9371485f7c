namespace ServiceAuth.Client.Testing.Internal.Sqs;

/// <summary>One message in a queue, with its visibility state.</summary>
internal sealed class SqsMessage
{
    public required string MessageId { get; init; }

    public required string Body { get; init; }

    public required IReadOnlyDictionary<string, DeliveredAttributeValue> Attributes { get; init; }

    public string? MessageGroupId { get; init; }

    public string? MessageDeduplicationId { get; init; }

    public string? SequenceNumber { get; init; }

    /// <summary>Gets the sender SQS reports: an access key owner's id, or <c>AIDAIT2UOQQY3AUEKVGXU</c>-style for SNS.</summary>
    public required string SenderId { get; init; }

    public required DateTimeOffset SentAt { get; init; }

    public DateTimeOffset VisibleAt { get; set; }

    public int ReceiveCount { get; set; }

    public DateTimeOffset? FirstReceivedAt { get; set; }

    /// <summary>Gets or sets the receipt handle of the latest receive; only it deletes the message.</summary>
    public string? ReceiptHandle { get; set; }
}
