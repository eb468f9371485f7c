using System.Globalization;
using Microsoft.Extensions.Logging;
using ServiceAuth.Client.Diagnostics;
using ServiceAuth.Client.Protocol.Internal;

namespace ServiceAuth.Client.Sns.Internal;

/// <summary>
/// Publishes prepared messages in <c>PublishBatch</c> rounds: each round splits the pending messages into requests, entries
/// that failed with a retryable code go to the next round after an exponential backoff with full jitter, and every message
/// ends with exactly one result. A failed request fails its entries (and, on a FIFO topic, the entries after it, which are
/// not sent so that group order holds); nothing is dropped.
/// </summary>
internal sealed class SnsBatchRunner<TMessage>(SnsPublisherSettings<TMessage> settings, SnsTransport transport, FullJitterBackoff backoff, ILogger logger)
{
    /// <summary>The backoff of the rounds (docs/sns.md): up to 200 ms, 400 ms, 800 ms and so on, capped at 10 s, whatever
    /// the entries' error; at least 1 ms.</summary>
    internal static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(200);
    internal static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MinDelay = TimeSpan.FromMilliseconds(1);

    public async Task<SnsBatchResult> RunAsync(IReadOnlyList<PreparedMessage> messages, CancellationToken cancellationToken)
    {
        var state = new SnsBatchProgress(messages.Count);
        try
        {
            await RunRoundsAsync(messages, state, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            var partial = new SnsBatchResult(state.Cancelled(), state.Requests);
            Log.SnsBatchCancelled(logger, settings.Topic.Name, messages.Count, partial.SucceededCount, partial.RequestCount);
            throw new SnsBatchCanceledException(partial, ex, cancellationToken);
        }

        var result = new SnsBatchResult(Array.ConvertAll(state.Results, r => r ?? throw new InvalidOperationException("A message was left without a result.")), state.Requests);
        Log.SnsBatchPublished(logger, settings.Topic.Name, messages.Count, result.SucceededCount, result.FailedCount, result.RequestCount);
        return result;
    }

    private async Task RunRoundsAsync(IReadOnlyList<PreparedMessage> messages, SnsBatchProgress state, CancellationToken cancellationToken)
    {
        List<int> pending = [.. Enumerable.Range(0, messages.Count)];
        for (int round = 0; pending.Count > 0; round++)
        {
            if (round > 0)
            {
                TimeSpan delay = Backoff(round);
                Log.SnsBatchEntriesRetrying(logger, settings.Topic.Name, pending.Count, round, (long)delay.TotalMilliseconds);
                await backoff.WaitAsync(delay, cancellationToken).ConfigureAwait(false);
            }

            List<List<int>> chunks = SnsBatchChunker.Chunk(pending, messages, settings.MaxMessageBytes);
            bool mayRetry = round < settings.MaxBatchRetries;
            if (settings.MaxConcurrentBatchRequests <= 1)
            {
                foreach (List<int> chunk in chunks)
                {
                    await SendChunkAsync(chunk, messages, state, mayRetry, cancellationToken).ConfigureAwait(false);
                }
            }
            else
            {
                var options = new ParallelOptions { MaxDegreeOfParallelism = settings.MaxConcurrentBatchRequests, CancellationToken = cancellationToken };
                await Parallel.ForEachAsync(chunks, options, (chunk, token) => new ValueTask(SendChunkAsync(chunk, messages, state, mayRetry, token))).ConfigureAwait(false);
            }

            pending = state.TakeRetries();
        }
    }

    private TimeSpan Backoff(int round)
    {
        TimeSpan delay = backoff.Delay(round - 1, BaseDelay, MaxDelay);
        return delay < MinDelay ? MinDelay : delay;
    }

    private async Task SendChunkAsync(List<int> chunk, IReadOnlyList<PreparedMessage> messages, SnsBatchProgress state, bool mayRetry, CancellationToken cancellationToken)
    {
        if (state.StoppedBy is { } stop)
        {
            state.FailAll(chunk, "NotAttempted", $"Not sent: an earlier PublishBatch request to this FIFO topic failed with {stop}, and sending later messages would break group order.", senderFault: false);
            return;
        }

        var entries = new List<KeyValuePair<string, PreparedMessage>>(chunk.Count);
        foreach (int index in chunk)
        {
            entries.Add(new(index.ToString(CultureInfo.InvariantCulture), messages[index]));
        }

        state.CountRequest(chunk);
        List<SnsBatchResponseEntry> answers;
        try
        {
            answers = await transport.PublishBatchAsync(settings.Topic.Value, entries, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            // Any failure of one request becomes a result of its entries: letting it escape would lose the results of the
            // requests SNS already accepted (and a caller that retries would publish them twice).
            (string code, string message, bool senderFault) = ex switch
            {
                SnsException sns => (sns.Code.Length > 0 ? sns.Code : $"Http{(int)sns.StatusCode}", sns.ErrorMessage ?? sns.Message, sns.ErrorType == "Sender" || (int)sns.StatusCode is >= 400 and < 500),
                OperationCanceledException => ("RequestTimeout", "The PublishBatch request timed out; the messages may or may not have been published.", false),
                _ => ("RequestFailed", $"The PublishBatch request failed ({ex.GetType().Name}: {AwsErrorText.Redact(ex.Message)}); the messages may or may not have been published.", false),
            };
            Log.SnsBatchRequestFailed(logger, settings.Topic.Name, code, chunk.Count, (ex as SnsException)?.RequestId);
            state.FailAll(chunk, code, message, senderFault);
            if (settings.Topic.IsFifo)
            {
                state.Stop(code);
            }

            return;
        }

        state.Apply(chunk, answers, mayRetry);
    }
}
