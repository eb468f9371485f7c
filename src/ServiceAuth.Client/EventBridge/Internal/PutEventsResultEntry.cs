namespace ServiceAuth.Client.EventBridge.Internal;

/// <summary>One element of a <c>PutEvents</c> answer's <c>Entries</c>: an <c>EventId</c>, or an <c>ErrorCode</c> and
/// <c>ErrorMessage</c>. Entries answer the request's entries by position.</summary>
internal sealed record PutEventsResultEntry(string? EventId, string? ErrorCode, string? ErrorMessage);
