namespace ServiceAuth.Client.Sns.Internal;

/// <summary>One <c>member</c> of a <c>PublishBatchResult</c>: from <c>Successful</c> (MessageId) or <c>Failed</c> (Code).</summary>
internal sealed class SnsBatchResponseEntry
{
    public string? Id { get; set; }

    public bool Failed { get; init; }

    public string? MessageId { get; set; }

    public string? SequenceNumber { get; set; }

    public string? Code { get; set; }

    public string? Message { get; set; }

    public bool SenderFault { get; set; }
}
