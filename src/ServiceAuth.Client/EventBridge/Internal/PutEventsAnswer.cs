namespace ServiceAuth.Client.EventBridge.Internal;

/// <summary>A successful <c>PutEvents</c> answer: <c>FailedEntryCount</c>, the entries in request order, and the
/// <c>x-amzn-RequestId</c> header.</summary>
internal sealed record PutEventsAnswer(int FailedEntryCount, IReadOnlyList<PutEventsResultEntry> Entries)
{
    public string? RequestId { get; init; }
}
