namespace ServiceAuth.Client.Sns;

/// <summary>The outcome of a <c>PublishBatchAsync</c> call: exactly one entry per input message, in input order.</summary>
public sealed class SnsBatchResult
{
    internal SnsBatchResult(IReadOnlyList<SnsBatchEntryResult> entries, int requestCount)
    {
        Entries = entries;
        RequestCount = requestCount;
        SucceededCount = entries.Count(e => e.Succeeded);
    }

    /// <summary>Gets one result per input message, in input order.</summary>
    public IReadOnlyList<SnsBatchEntryResult> Entries { get; }

    /// <summary>Gets the number of <c>PublishBatch</c> calls made, retries included.</summary>
    public int RequestCount { get; }

    /// <summary>Gets the number of messages SNS accepted.</summary>
    public int SucceededCount { get; }

    /// <summary>Gets the number of messages that failed.</summary>
    public int FailedCount => Entries.Count - SucceededCount;

    /// <summary>Gets a value indicating whether every message was accepted.</summary>
    public bool AllSucceeded => FailedCount == 0;

    /// <summary>Gets the failed entries, in input order.</summary>
    public IEnumerable<SnsBatchEntryResult> Failed => Entries.Where(e => !e.Succeeded);

    /// <inheritdoc />
    public override string ToString() => $"SnsBatchResult {{ Messages = {Entries.Count}, Succeeded = {SucceededCount}, Failed = {FailedCount}, Requests = {RequestCount} }}";
}
