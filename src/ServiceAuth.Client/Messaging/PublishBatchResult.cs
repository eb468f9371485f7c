namespace ServiceAuth.Client.Messaging;

/// <summary>The outcome of a batch publish, shared by the SNS and EventBridge publishers: exactly one entry per input
/// entry, in input order.</summary>
/// <typeparam name="TEntry">The service's entry result.</typeparam>
public abstract class PublishBatchResult<TEntry>
    where TEntry : PublishEntryResult
{
    private protected PublishBatchResult(IReadOnlyList<TEntry> entries, int requestCount)
    {
        Entries = entries;
        RequestCount = requestCount;
        SucceededCount = entries.Count(e => e.Succeeded);
    }

    /// <summary>Gets one result per input entry, in input order.</summary>
    public IReadOnlyList<TEntry> Entries { get; }

    /// <summary>Gets the number of requests made, retries included.</summary>
    public int RequestCount { get; }

    /// <summary>Gets the number of entries the service accepted.</summary>
    public int SucceededCount { get; }

    /// <summary>Gets the number of entries that failed in the end.</summary>
    public int FailedCount => Entries.Count - SucceededCount;

    /// <summary>Gets a value indicating whether every entry was accepted.</summary>
    public bool AllSucceeded => FailedCount == 0;

    /// <summary>Gets the failed entries, in input order.</summary>
    public IEnumerable<TEntry> Failed => Entries.Where(e => !e.Succeeded);

    /// <inheritdoc />
    public override string ToString() =>
        $"{GetType().Name} {{ Entries = {Entries.Count}, Succeeded = {SucceededCount}, Failed = {FailedCount}, Requests = {RequestCount} }}";
}
