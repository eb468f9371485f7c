using ServiceAuth.Client.Messaging;
using ServiceAuth.Client.Messaging.Internal;

namespace ServiceAuth.Client.EventBridge;

/// <summary>The outcome of one event of a <c>PutEvents</c> publish. <see cref="PublishEntryResult.ErrorCode"/> is the
/// entry's code (<c>InternalFailure</c>, <c>ThrottlingException</c>, <c>MalformedDetail</c>, …), the code of a
/// whole-request error (<c>AccessDeniedException</c>, <c>ValidationException</c>, …) or one of the codes every publisher
/// shares (see <see cref="PublishEntryResult"/>).</summary>
public sealed class EventBridgeEntryResult : PublishEntryResult
{
    internal EventBridgeEntryResult(BatchEntryOutcome outcome)
        : base(outcome)
    {
        EventId = outcome.Id;
    }

    /// <summary>Gets the event id when the event was accepted.</summary>
    public string? EventId { get; }

    /// <inheritdoc />
    private protected override string? AcceptedId => EventId;
}
