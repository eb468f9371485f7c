using System.Diagnostics;
using Microsoft.Extensions.Logging;
using ServiceAuth.Client.Diagnostics;
using ServiceAuth.Client.Protocol.Internal;

namespace ServiceAuth.Client.EventBridge.Internal;

/// <summary>
/// Publishes prepared entries in <c>PutEvents</c> rounds: each round splits the pending entries into requests, entries
/// that failed with a retryable code go to the next round after an exponential backoff with full jitter, and every event
/// ends with exactly one result. A request that fails as a whole (an error answer, a transport failure, credentials that
/// cannot be had) fails only its own entries; the caller's cancellation ends the call with
/// <see cref="EventBridgePublishCanceledException"/> carrying the results known so far.
/// </summary>
internal sealed class EventBridgeBatchRunner<TEvent>(EventBridgePublisherSettings<TEvent> settings, EventBridgeTransport transport, FullJitterBackoff backoff, ILogger logger)
{
    /// <summary>The backoff of the rounds (docs/eventbridge.md), the same as SNS batches': up to 200 ms, 400 ms, 800 ms and
    /// so on, capped at 10 s.</summary>
    internal static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(200);
    internal static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(10);

    /// <summary>Publishes <paramref name="entries"/>; a single event's span gets the <c>aws.request_id</c> of its last
    /// <c>PutEvents</c> request.</summary>
    public async Task<EventBridgeBatchResult> RunAsync(IReadOnlyList<PreparedEntry> entries, Activity? activity, CancellationToken cancellationToken)
    {
        Activity? requestIdSpan = entries.Count == 1 ? activity : null;
        var state = new EventBridgeBatchProgress(entries.Count);
        try
        {
            List<int> pending = [.. Enumerable.Range(0, entries.Count)];
            for (int round = 0; pending.Count > 0; round++)
            {
                if (round > 0)
                {
                    TimeSpan delay = backoff.Delay(round - 1, BaseDelay, MaxDelay);
                    Log.EventBridgeEntriesRetrying(logger, settings.Bus.Name, pending.Count, round, (long)delay.TotalMilliseconds);
                    await backoff.WaitAsync(delay, cancellationToken).ConfigureAwait(false);
                }

                List<List<int>> chunks = EventBridgeBatchChunker.Chunk(pending, entries, settings.MaxRequestBytes);
                bool mayRetry = round < settings.MaxBatchRetries;
                await SendAllAsync(chunks, entries, state, mayRetry, requestIdSpan, cancellationToken).ConfigureAwait(false);
                pending = state.TakeRetries();
            }
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            EventBridgeBatchResult partial = state.Snapshot(
                "Canceled",
                "The call was canceled while this event's PutEvents request was in flight; it may or may not have been published.",
                "The call was canceled before this event was sent.");
            Log.EventBridgeBatchCanceled(logger, settings.Bus.Name, entries.Count, partial.SucceededCount);
            throw new EventBridgePublishCanceledException(partial, ex, cancellationToken);
        }

        EventBridgeBatchResult result = state.Snapshot("MissingResult", "No result was recorded for this event.", "This event was never sent.");
        Log.EventBridgeBatchPublished(logger, settings.Bus.Name, entries.Count, result.SucceededCount, result.FailedCount, result.RequestCount);
        return result;
    }

    /// <summary>Sends the requests of a round, at most <c>MaxConcurrentBatchRequests</c> at once, and waits for all of
    /// them (also when the caller cancels, so that no request outlives the call). A semaphore rather than
    /// <c>Parallel.ForEachAsync</c>: the trimmed smoke app lost System.Threading.Tasks.Parallel.</summary>
    private async Task SendAllAsync(
        List<List<int>> chunks, IReadOnlyList<PreparedEntry> entries, EventBridgeBatchProgress state, bool mayRetry, Activity? requestIdSpan, CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(settings.MaxConcurrentBatchRequests);
        var sends = new List<Task>(chunks.Count);
        try
        {
            foreach (List<int> chunk in chunks)
            {
                await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                sends.Add(SendAndReleaseAsync(chunk, gate));
            }
        }
        finally
        {
            await Task.WhenAll(sends).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        cancellationToken.ThrowIfCancellationRequested();

        async Task SendAndReleaseAsync(List<int> chunk, SemaphoreSlim semaphore)
        {
            try
            {
                await SendChunkAsync(chunk, entries, state, mayRetry, requestIdSpan, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                semaphore.Release();
            }
        }
    }

    private async Task SendChunkAsync(
        List<int> chunk, IReadOnlyList<PreparedEntry> entries, EventBridgeBatchProgress state, bool mayRetry, Activity? requestIdSpan, CancellationToken cancellationToken)
    {
        var batch = new PreparedEntry[chunk.Count];
        for (int i = 0; i < chunk.Count; i++)
        {
            batch[i] = entries[chunk[i]];
        }

        state.CountRequest(chunk);
        PutEventsAnswer answer;
        try
        {
            answer = await transport.PutEventsAsync(settings.Bus.Value, batch, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            (string code, string message) = Describe(ex);
            requestIdSpan?.SetTag("aws.request_id", (ex as EventBridgeException)?.RequestId);
            Log.EventBridgeRequestFailed(logger, settings.Bus.Name, code, chunk.Count, (ex as EventBridgeException)?.RequestId);
            state.FailAll(chunk, code, message, ex);
            return;
        }

        requestIdSpan?.SetTag("aws.request_id", answer.RequestId);
        state.Apply(chunk, answer, mayRetry);
    }

    /// <summary>The code and message a whole-request failure leaves on each of its entries. Our own exceptions carry no
    /// secrets; AWS messages are redacted by <see cref="EventBridgeException"/>.</summary>
    internal static (string Code, string Message) Describe(Exception exception) => exception switch
    {
        EventBridgeException eb => (eb.Code.Length > 0 ? eb.Code : $"Http{(int)eb.StatusCode}", eb.ErrorMessage ?? eb.Message),
        OperationCanceledException => ("RequestTimeout", "The PutEvents request timed out; the events may or may not have been published."),
        HttpRequestException => ("RequestFailed", $"The PutEvents request failed ({exception.Message}); the events may or may not have been published."),
        ServiceAuthException => (exception.GetType().Name.Replace("Exception", string.Empty, StringComparison.Ordinal), $"Not sent: {exception.Message}"),
        _ => ("RequestFailed", $"The PutEvents request failed with {exception.GetType().Name}: {exception.Message}; the events may or may not have been published."),
    };
}
