namespace ServiceAuth.Client.EventBridge.Internal;

/// <summary>A successful <c>PutEvents</c> answer: <c>FailedEntryCount</c> and the entries in request order.</summary>
internal sealed record PutEventsAnswer(int FailedEntryCount, IReadOnlyList<PutEventsResultEntry> Entries);
