namespace ServiceAuth.Client.EventBridge;

/// <summary>The outcome of one event of a <c>PutEvents</c> publish.</summary>
public sealed class EventBridgeEntryResult
{
    internal EventBridgeEntryResult(int index, int attempts)
    {
        Index = index;
        Attempts = attempts;
    }

    /// <summary>Gets the position of the event in the input.</summary>
    public int Index { get; }

    /// <summary>Gets the number of <c>PutEvents</c> requests that carried the event (more than 1 when retried; 0 when it
    /// was never sent).</summary>
    public int Attempts { get; }

    /// <summary>Gets a value indicating whether EventBridge accepted the event.</summary>
    public bool Succeeded => EventId is not null;

    /// <summary>Gets the event id when the event was accepted.</summary>
    public string? EventId { get; init; }

    /// <summary>Gets the error code when the event failed: the entry's code (<c>InternalFailure</c>,
    /// <c>ThrottlingException</c>, <c>MalformedDetail</c>, …), the code of a whole-request error
    /// (<c>AccessDeniedException</c>, <c>ValidationException</c>, …), <c>RequestFailed</c>/<c>RequestTimeout</c> for a
    /// transport failure, or <c>Canceled</c>; for the last three the event may or may not have been published.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>Gets the error message when the event failed.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>Gets the exception that failed the event's whole request, if that is how it failed.</summary>
    internal Exception? RequestFailure { get; init; }

    /// <inheritdoc />
    public override string ToString() => Succeeded
        ? $"#{Index}: {EventId}"
        : $"#{Index}: failed {ErrorCode} after {Attempts} attempt(s): {ErrorMessage}";
}
