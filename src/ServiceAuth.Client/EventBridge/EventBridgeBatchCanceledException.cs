namespace ServiceAuth.Client.EventBridge;

/// <summary>
/// Thrown by <c>PublishAsync</c> and <c>PublishBatchAsync</c> when the caller cancels. <see cref="PartialResult"/> holds
/// one result per input event as known at that moment: events EventBridge already accepted keep their event ids.
/// </summary>
/// <remarks>Entries cancelled while their request was in flight fail with <c>Canceled</c> (EventBridge may or may not have
/// published them); entries never sent fail with <c>NotAttempted</c>; entries waiting for a retry keep their last error.</remarks>
public sealed class EventBridgeBatchCanceledException : OperationCanceledException
{
    /// <summary>Initializes a new instance of the <see cref="EventBridgeBatchCanceledException"/> class.</summary>
    /// <param name="partialResult">One result per input event, as known when the caller cancelled.</param>
    /// <param name="innerException">The cancellation that stopped the call.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    public EventBridgeBatchCanceledException(EventBridgeBatchResult partialResult, Exception? innerException, CancellationToken cancellationToken)
        : base($"Publishing to EventBridge was cancelled: {partialResult?.SucceededCount} of {partialResult?.Entries.Count} events were accepted by EventBridge before that; see PartialResult.", innerException, cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partialResult);
        PartialResult = partialResult;
    }

    /// <summary>Gets one result per input event, in input order, as known when the caller cancelled; never
    /// <see langword="null"/>.</summary>
    public EventBridgeBatchResult PartialResult { get; }
}
