namespace ServiceAuth.Client.Messaging.Internal;

/// <summary>The final state of one entry of a batch, before the service turns it into its public entry result: the id
/// (and sequence number) the service gave it, or an error code and message.</summary>
internal sealed class BatchEntryOutcome(int index, int attempts)
{
    public int Index { get; } = index;

    public int Attempts { get; } = attempts;

    public string? Id { get; init; }

    public string? SequenceNumber { get; init; }

    public string? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }

    public bool SenderFault { get; init; }

    public Exception? RequestFailure { get; init; }
}
