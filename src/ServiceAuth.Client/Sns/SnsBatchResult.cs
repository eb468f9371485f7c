using ServiceAuth.Client.Messaging;
using ServiceAuth.Client.Messaging.Internal;

namespace ServiceAuth.Client.Sns;

/// <summary>The outcome of a <c>PublishBatchAsync</c> call: exactly one entry per input message, in input order;
/// <see cref="PublishBatchResult{TEntry}.RequestCount"/> counts the <c>PublishBatch</c> calls, retries included.</summary>
public sealed class SnsBatchResult : PublishBatchResult<SnsEntryResult>
{
    internal SnsBatchResult(BatchOutcome outcome)
        : base(Array.ConvertAll(outcome.Entries, e => new SnsEntryResult(e)), outcome.Requests)
    {
    }
}
