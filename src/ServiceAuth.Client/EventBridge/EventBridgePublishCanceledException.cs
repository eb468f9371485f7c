namespace ServiceAuth.Client.EventBridge;

/// <summary>
/// Thrown by <c>PublishBatchAsync</c> when the caller cancels. <see cref="PartialResult"/> holds one result per input event
/// as known at that moment: events EventBridge already accepted keep their event ids; the others have the error code
/// <c>Canceled</c> (an event whose request was in flight may or may not have been published).
/// </summary>
public sealed class EventBridgePublishCanceledException : OperationCanceledException
{
    /// <summary>Initializes a new instance of the <see cref="EventBridgePublishCanceledException"/> class.</summary>
    public EventBridgePublishCanceledException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="EventBridgePublishCanceledException"/> class with a message.</summary>
    /// <param name="message">The message that describes the error.</param>
    public EventBridgePublishCanceledException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="EventBridgePublishCanceledException"/> class with a message and
    /// a cause.</summary>
    /// <param name="message">The message that describes the error.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    public EventBridgePublishCanceledException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="EventBridgePublishCanceledException"/> class with the results
    /// known when the caller cancelled.</summary>
    /// <param name="partialResult">One result per input event.</param>
    /// <param name="innerException">The cancellation that stopped the call.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    public EventBridgePublishCanceledException(EventBridgeBatchResult partialResult, Exception? innerException, CancellationToken cancellationToken)
        : base($"Publishing to EventBridge was canceled: {partialResult?.SucceededCount} of {partialResult?.Entries.Count} events were accepted before that; see PartialResult.", innerException, cancellationToken)
    {
        PartialResult = partialResult;
    }

    /// <summary>Gets one result per input event as known when the caller cancelled, or <see langword="null"/> when the
    /// exception was created without one.</summary>
    public EventBridgeBatchResult? PartialResult { get; }
}
