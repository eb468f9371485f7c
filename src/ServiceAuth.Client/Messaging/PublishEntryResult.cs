using ServiceAuth.Client.Messaging.Internal;

namespace ServiceAuth.Client.Messaging;

/// <summary>
/// The outcome of one entry of a batch publish, shared by the SNS and EventBridge publishers: exactly one per input
/// entry, in input order. The error codes mean the same for both: the service's own entry or request code, or one of
/// <c>RequestFailed</c>/<c>RequestTimeout</c> (the request got no AWS answer), <c>MissingResult</c> (the answer did not
/// mention the entry), <c>Canceled</c> (the caller cancelled while the entry's request was in flight) — for these four the
/// entry may or may not have been delivered — and <c>NotAttempted</c> (never sent).
/// </summary>
public abstract class PublishEntryResult
{
    private protected PublishEntryResult(BatchEntryOutcome outcome)
    {
        Index = outcome.Index;
        Attempts = outcome.Attempts;
        ErrorCode = outcome.ErrorCode;
        ErrorMessage = outcome.ErrorMessage;
        RequestFailure = outcome.RequestFailure;
    }

    /// <summary>Gets the position of the entry in the input.</summary>
    public int Index { get; }

    /// <summary>Gets the number of requests that carried the entry (more than 1 when retried; 0 when it was never sent).</summary>
    public int Attempts { get; }

    /// <summary>Gets a value indicating whether the service accepted the entry.</summary>
    public bool Succeeded => ErrorCode is null;

    /// <summary>Gets the error code when the entry failed; see <see cref="PublishEntryResult"/> for the codes.</summary>
    public string? ErrorCode { get; }

    /// <summary>Gets the error message when the entry failed (AWS messages are redacted: no canonical request, signature
    /// or credential ever appears).</summary>
    public string? ErrorMessage { get; }

    /// <summary>Gets the exception that failed the entry's whole request, if that is how it failed.</summary>
    internal Exception? RequestFailure { get; }

    /// <summary>Gets the id the service gave the accepted entry.</summary>
    private protected abstract string? AcceptedId { get; }

    /// <inheritdoc />
    public override string ToString() => Succeeded
        ? $"#{Index}: {AcceptedId}"
        : $"#{Index}: failed {ErrorCode} after {Attempts} attempt(s): {ErrorMessage}";
}
