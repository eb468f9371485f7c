namespace ServiceAuth.Client.Messaging.Internal;

/// <summary>What differs between services for the batch engine: the limits of one request, the retry and concurrency
/// options, the request's name for messages, whether a failed request stops the later ones (FIFO order) and how the
/// service's own error exception reads.</summary>
internal sealed record BatchPolicy(string Operation, int MaxBytes, int MaxRetries, int MaxConcurrency)
{
    /// <summary>At most this many entries per request (SNS <c>PublishBatch</c> and EventBridge <c>PutEvents</c> alike).</summary>
    public const int MaxEntries = 10;

    /// <summary>Whether a failed request leaves the entries after it unsent (a FIFO topic's group order).</summary>
    public bool StopAfterFailedRequest { get; init; }

    /// <summary>Reads the service's error exception; <see langword="null"/> for any other exception.</summary>
    public required Func<Exception, BatchRequestError?> ReadError { get; init; }
}
