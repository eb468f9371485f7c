namespace ServiceAuth.Client.Messaging.Internal;

/// <summary>A successful answer to one batch request: its entries (in any order, by input index), the failed-entry count
/// the service reported, and the request id.</summary>
internal sealed record BatchAnswer(IReadOnlyList<BatchEntryAnswer> Entries, int ReportedFailedCount, string? RequestId);
