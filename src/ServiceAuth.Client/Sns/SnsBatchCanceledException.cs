namespace ServiceAuth.Client.Sns;

/// <summary>
/// Thrown by <c>PublishBatchAsync</c> when the caller's token is cancelled. Carries one result per message as known at
/// that moment: messages SNS accepted keep their message id, so a caller that retries can skip them.
/// </summary>
/// <remarks>Entries cancelled while their request was in flight fail with <c>Canceled</c> (SNS may or may not have
/// published them); entries never sent fail with <c>NotAttempted</c>; entries waiting for a retry keep their last error.</remarks>
public sealed class SnsBatchCanceledException : OperationCanceledException
{
    /// <summary>Initializes a new instance of the <see cref="SnsBatchCanceledException"/> class.</summary>
    /// <param name="partialResult">The results known when the batch was cancelled.</param>
    /// <param name="innerException">The cancellation that stopped the batch.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    public SnsBatchCanceledException(SnsBatchResult partialResult, Exception? innerException, CancellationToken cancellationToken)
        : base($"PublishBatchAsync was cancelled: {partialResult?.SucceededCount} of {partialResult?.Entries.Count} messages were accepted by SNS before that; see PartialResult.", innerException, cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partialResult);
        PartialResult = partialResult;
    }

    /// <summary>Gets one result per input message, in input order, as known when the batch was cancelled; never
    /// <see langword="null"/>.</summary>
    public SnsBatchResult PartialResult { get; }
}
