using ServiceAuth.Client.Protocol.Internal;

namespace ServiceAuth.Client.Messaging.Internal;

/// <summary>
/// The one batch engine of the SNS and EventBridge publishers: each round splits the pending entries into requests and
/// sends them (at most <see cref="BatchPolicy.MaxConcurrency"/> at once, through <c>Parallel.ForEachAsync</c>); entries
/// that failed with a retryable code go to the next round after an exponential backoff with full jitter, and every entry
/// ends with exactly one result. A request that fails as a whole fails only its own entries (and, with
/// <see cref="BatchPolicy.StopAfterFailedRequest"/>, leaves the later ones unsent); the caller's cancellation ends the
/// batch with the results known so far. The wire format is the service's: <c>send</c> writes and reads it.
/// </summary>
internal sealed class BatchEngine(BatchPolicy policy, IBatchLog log, FullJitterBackoff backoff)
{
    /// <summary>The backoff of the rounds (docs/sns.md, docs/eventbridge.md): up to 200 ms, 400 ms, 800 ms and so on,
    /// capped at 10 s, whatever the entries' error; at least 1 ms.</summary>
    internal static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(200);
    internal static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MinDelay = TimeSpan.FromMilliseconds(1);

    /// <summary>Publishes the entries of the given sizes; the outcome carries the cancellation when the caller cancelled.</summary>
    public async Task<BatchOutcome> RunAsync(IReadOnlyList<int> sizes, Func<List<int>, CancellationToken, Task<BatchAnswer>> send, CancellationToken cancellationToken)
    {
        var progress = new BatchProgress(sizes.Count);
        try
        {
            await RunRoundsAsync(sizes, send, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            BatchOutcome partial = progress.Cancelled(ex);
            log.Canceled(partial);
            return partial;
        }

        BatchOutcome outcome = progress.Finish();
        log.Published(outcome);
        return outcome;
    }

    private async Task RunRoundsAsync(IReadOnlyList<int> sizes, Func<List<int>, CancellationToken, Task<BatchAnswer>> send, BatchProgress progress, CancellationToken cancellationToken)
    {
        List<int> pending = [.. Enumerable.Range(0, sizes.Count)];
        for (int round = 0; pending.Count > 0; round++)
        {
            if (round > 0)
            {
                TimeSpan delay = backoff.Delay(round - 1, BaseDelay, MaxDelay);
                delay = delay < MinDelay ? MinDelay : delay;
                log.Retrying(pending.Count, round, delay);
                await backoff.WaitAsync(delay, cancellationToken).ConfigureAwait(false);
            }

            List<List<int>> chunks = BatchChunker.Chunk(pending, sizes, policy.MaxBytes);
            bool mayRetry = round < policy.MaxRetries;
            if (policy.MaxConcurrency <= 1)
            {
                foreach (List<int> chunk in chunks)
                {
                    await SendAsync(chunk, send, progress, mayRetry, cancellationToken).ConfigureAwait(false);
                }
            }
            else
            {
                var options = new ParallelOptions { MaxDegreeOfParallelism = policy.MaxConcurrency, CancellationToken = cancellationToken };
                await Parallel.ForEachAsync(chunks, options, (chunk, token) => new ValueTask(SendAsync(chunk, send, progress, mayRetry, token))).ConfigureAwait(false);
            }

            pending = progress.TakeRetries();
        }
    }

    private async Task SendAsync(List<int> chunk, Func<List<int>, CancellationToken, Task<BatchAnswer>> send, BatchProgress progress, bool mayRetry, CancellationToken cancellationToken)
    {
        if (progress.StoppedBy is { } stop)
        {
            progress.FailAll(chunk, BatchCodes.NotAttempted, BatchCodes.NotSentAfter(policy.Operation, stop));
            return;
        }

        progress.CountRequest(chunk);
        BatchAnswer answer;
        try
        {
            answer = await send(chunk, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            // Any failure of one request becomes a result of its entries: letting it escape would lose the results of the
            // requests the service already accepted (and a caller that retries would publish them twice).
            BatchRequestError? error = policy.ReadError(ex);
            (string code, string message, bool senderFault) = BatchCodes.Describe(ex, error, policy.Operation);
            log.RequestFailed(code, chunk.Count, error?.RequestId);
            progress.FailAll(chunk, code, message, senderFault, ex);
            if (policy.StopAfterFailedRequest)
            {
                progress.Stop(code);
            }

            return;
        }

        progress.Apply(chunk, answer, mayRetry, BatchCodes.Missing(policy.Operation));
    }
}
