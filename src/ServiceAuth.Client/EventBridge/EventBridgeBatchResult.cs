namespace ServiceAuth.Client.EventBridge;

/// <summary>The outcome of a <c>PublishBatchAsync</c> call: exactly one entry per input event, in input order.</summary>
public sealed class EventBridgeBatchResult
{
    internal EventBridgeBatchResult(IReadOnlyList<EventBridgeEntryResult> entries, int requestCount, int reportedFailedEntryCount)
    {
        Entries = entries;
        RequestCount = requestCount;
        ReportedFailedEntryCount = reportedFailedEntryCount;
        SucceededCount = entries.Count(e => e.Succeeded);
    }

    /// <summary>Gets one result per input event, in input order.</summary>
    public IReadOnlyList<EventBridgeEntryResult> Entries { get; }

    /// <summary>Gets the number of <c>PutEvents</c> requests made, retries included.</summary>
    public int RequestCount { get; }

    /// <summary>Gets the sum of the <c>FailedEntryCount</c> values EventBridge reported over all requests, retried entries
    /// included (each failed attempt counts once).</summary>
    public int ReportedFailedEntryCount { get; }

    /// <summary>Gets the number of events EventBridge accepted.</summary>
    public int SucceededCount { get; }

    /// <summary>Gets the number of events that failed in the end.</summary>
    public int FailedCount => Entries.Count - SucceededCount;

    /// <summary>Gets a value indicating whether every event was accepted.</summary>
    public bool AllSucceeded => FailedCount == 0;

    /// <summary>Gets the failed entries, in input order.</summary>
    public IEnumerable<EventBridgeEntryResult> Failed => Entries.Where(e => !e.Succeeded);

    /// <inheritdoc />
    public override string ToString() =>
        $"EventBridgeBatchResult {{ Events = {Entries.Count}, Succeeded = {SucceededCount}, Failed = {FailedCount}, Requests = {RequestCount} }}";
}
