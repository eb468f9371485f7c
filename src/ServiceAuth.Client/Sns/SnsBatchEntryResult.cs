namespace ServiceAuth.Client.Sns;

/// <summary>The outcome of one message of a <c>PublishBatchAsync</c> call.</summary>
public sealed class SnsBatchEntryResult
{
    internal SnsBatchEntryResult(int index, int attempts)
    {
        Index = index;
        Attempts = attempts;
    }

    /// <summary>Gets the position of the message in the input.</summary>
    public int Index { get; }

    /// <summary>Gets the number of <c>PublishBatch</c> calls that carried the message (more than 1 when retried).</summary>
    public int Attempts { get; }

    /// <summary>Gets a value indicating whether SNS accepted the message.</summary>
    public bool Succeeded => MessageId is not null;

    /// <summary>Gets the message id when the message was accepted.</summary>
    public string? MessageId { get; init; }

    /// <summary>Gets the sequence number when the message was accepted by a FIFO topic.</summary>
    public string? SequenceNumber { get; init; }

    /// <summary>Gets the error code when the message failed, for example <c>InvalidParameter</c>, <c>Throttling</c>, or the
    /// code of a whole-request error (<c>AuthorizationError</c>) or <c>RequestFailed</c> for a transport failure, in which
    /// case the message may or may not have been published.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>Gets the error message when the message failed.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>Gets a value indicating whether a failure was the sender's fault (retrying the same message will not help).</summary>
    public bool SenderFault { get; init; }

    /// <inheritdoc />
    public override string ToString() => Succeeded
        ? $"#{Index}: {MessageId}"
        : $"#{Index}: failed {ErrorCode} ({(SenderFault ? "sender" : "receiver")}) after {Attempts} attempt(s): {ErrorMessage}";
}
