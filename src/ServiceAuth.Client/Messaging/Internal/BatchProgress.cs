using ServiceAuth.Client.Protocol.Internal;

namespace ServiceAuth.Client.Messaging.Internal;

/// <summary>The results of a batch as its requests complete (possibly concurrently): one slot per entry, the retries of
/// the current round, the request count and the sum of reported failed-entry counts. A slot, once set, is final.</summary>
internal sealed class BatchProgress(int count)
{
    private readonly object _gate = new();
    private readonly int[] _attempts = new int[count];
    private readonly BatchEntryOutcome?[] _results = new BatchEntryOutcome?[count];
    private readonly BatchEntryOutcome?[] _lastErrors = new BatchEntryOutcome?[count];
    private readonly List<int> _retries = [];
    private int _requests;
    private int _reportedFailed;

    /// <summary>The code of the failed request that stopped the batch (FIFO), if any.</summary>
    public string? StoppedBy { get; private set; }

    public void CountRequest(List<int> chunk)
    {
        lock (_gate)
        {
            _requests++;
            foreach (int index in chunk)
            {
                _attempts[index]++;
                _lastErrors[index] = null;
            }
        }
    }

    public void Stop(string code)
    {
        lock (_gate)
        {
            StoppedBy ??= code;
        }
    }

    /// <summary>Fails every entry of a request that did not get a per-entry answer.</summary>
    public void FailAll(List<int> chunk, string code, string message, bool senderFault = false, Exception? failure = null)
    {
        lock (_gate)
        {
            foreach (int index in chunk)
            {
                _results[index] = new BatchEntryOutcome(index, _attempts[index]) { ErrorCode = code, ErrorMessage = message, SenderFault = senderFault, RequestFailure = failure };
            }
        }
    }

    /// <summary>Records the answer of one request; an entry the answer does not mention fails with <c>MissingResult</c>,
    /// a failed entry with a retryable code goes to the next round when <paramref name="mayRetry"/>.</summary>
    public void Apply(List<int> chunk, BatchAnswer answer, bool mayRetry, string missingMessage)
    {
        lock (_gate)
        {
            _reportedFailed += answer.ReportedFailedCount;
            var open = new HashSet<int>(chunk);
            foreach (BatchEntryAnswer entry in answer.Entries)
            {
                if (!open.Remove(entry.Index))
                {
                    continue;
                }

                BatchEntryOutcome outcome = Outcome(entry);
                if (outcome.ErrorCode is not null && mayRetry && AwsErrorClassifier.IsRetryable(outcome.ErrorCode))
                {
                    _lastErrors[entry.Index] = outcome;
                    _retries.Add(entry.Index);
                }
                else
                {
                    _results[entry.Index] = outcome;
                }
            }

            foreach (int index in open)
            {
                _results[index] = new BatchEntryOutcome(index, _attempts[index]) { ErrorCode = BatchCodes.MissingResult, ErrorMessage = missingMessage };
            }
        }
    }

    public List<int> TakeRetries()
    {
        lock (_gate)
        {
            List<int> next = [.. _retries.Order()];
            _retries.Clear();
            return next;
        }
    }

    /// <summary>The result once every round has run: every entry has its final outcome.</summary>
    public BatchOutcome Finish()
    {
        lock (_gate)
        {
            return new BatchOutcome(Array.ConvertAll(_results, r => r ?? throw new InvalidOperationException("An entry was left without a result.")), _requests, _reportedFailed);
        }
    }

    /// <summary>The results after the caller cancelled: known results stay, entries waiting for a retry keep their last
    /// error, entries in flight fail with <c>Canceled</c> and entries never sent with <c>NotAttempted</c>.</summary>
    public BatchOutcome Cancelled(OperationCanceledException cancellation)
    {
        lock (_gate)
        {
            var entries = new BatchEntryOutcome[_results.Length];
            for (int index = 0; index < entries.Length; index++)
            {
                entries[index] = _results[index] ?? _lastErrors[index] ?? (_attempts[index] > 0
                    ? new BatchEntryOutcome(index, _attempts[index]) { ErrorCode = BatchCodes.Canceled, ErrorMessage = BatchCodes.CanceledMessage }
                    : new BatchEntryOutcome(index, 0) { ErrorCode = BatchCodes.NotAttempted, ErrorMessage = BatchCodes.CanceledFirstMessage });
            }

            return new BatchOutcome(entries, _requests, _reportedFailed) { Cancellation = cancellation };
        }
    }

    private BatchEntryOutcome Outcome(BatchEntryAnswer entry) => entry.Accepted
        ? new BatchEntryOutcome(entry.Index, _attempts[entry.Index]) { Id = entry.Id, SequenceNumber = entry.SequenceNumber }
        : new BatchEntryOutcome(entry.Index, _attempts[entry.Index])
        {
            ErrorCode = entry.ErrorCode ?? BatchCodes.Unknown,
            ErrorMessage = AwsErrorText.Redact(entry.ErrorMessage),
            SenderFault = entry.SenderFault,
        };
}
