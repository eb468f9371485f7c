namespace ServiceAuth.Client.Messaging.Internal;

/// <summary>The outcome of a batch: one entry per input entry, the request count, the sum of the failed-entry counts the
/// service reported and, when the caller cancelled, the cancellation (the entries are then the results known so far).</summary>
internal sealed record BatchOutcome(BatchEntryOutcome[] Entries, int Requests, int ReportedFailedCount)
{
    public OperationCanceledException? Cancellation { get; init; }

    public int SucceededCount => Entries.Count(e => e.ErrorCode is null);
}
