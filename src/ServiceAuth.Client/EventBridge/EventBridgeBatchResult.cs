using ServiceAuth.Client.Messaging;
using ServiceAuth.Client.Messaging.Internal;

namespace ServiceAuth.Client.EventBridge;

/// <summary>The outcome of a <c>PublishBatchAsync</c> call: exactly one entry per input event, in input order;
/// <see cref="PublishBatchResult{TEntry}.RequestCount"/> counts the <c>PutEvents</c> requests, retries included.</summary>
public sealed class EventBridgeBatchResult : PublishBatchResult<EventBridgeEntryResult>
{
    internal EventBridgeBatchResult(BatchOutcome outcome)
        : base(Array.ConvertAll(outcome.Entries, e => new EventBridgeEntryResult(e)), outcome.Requests)
    {
        ReportedFailedEntryCount = outcome.ReportedFailedCount;
    }

    /// <summary>Gets the sum of the <c>FailedEntryCount</c> values EventBridge reported over all requests, retried entries
    /// included (each failed attempt counts once).</summary>
    public int ReportedFailedEntryCount { get; }
}
