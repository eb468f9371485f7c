using ServiceAuth.Client.Messaging;
using ServiceAuth.Client.Messaging.Internal;

namespace ServiceAuth.Client.Sns;

/// <summary>The outcome of one message of a <c>PublishBatchAsync</c> call. <see cref="PublishEntryResult.ErrorCode"/> is
/// the entry's code (<c>InvalidParameter</c>, <c>Throttling</c>, …), the code of a whole-request error
/// (<c>AuthorizationError</c>, …) or one of the codes every publisher shares (see <see cref="PublishEntryResult"/>).</summary>
public sealed class SnsEntryResult : PublishEntryResult
{
    internal SnsEntryResult(BatchEntryOutcome outcome)
        : base(outcome)
    {
        MessageId = outcome.Id;
        SequenceNumber = outcome.SequenceNumber;
        SenderFault = outcome.SenderFault;
    }

    /// <summary>Gets the message id when the message was accepted.</summary>
    public string? MessageId { get; }

    /// <summary>Gets the sequence number when the message was accepted by a FIFO topic.</summary>
    public string? SequenceNumber { get; }

    /// <summary>Gets a value indicating whether a failure was the sender's fault (retrying the same message will not help).</summary>
    public bool SenderFault { get; }

    /// <inheritdoc />
    private protected override string? AcceptedId => MessageId;
}
