using System.Globalization;
using ServiceAuth.Client.Protocol.Internal;

namespace ServiceAuth.Client.Sns.Internal;

/// <summary>The results of a <c>PublishBatchAsync</c> call as its requests complete (possibly concurrently): one slot per
/// message, the retries of the current round, and the request count.</summary>
internal sealed class SnsBatchProgress(int count)
{
    private readonly object _gate = new();
    private readonly int[] _attempts = new int[count];
    private readonly List<int> _retries = [];
    private readonly SnsBatchEntryResult?[] _lastErrors = new SnsBatchEntryResult?[count];
    private int _requests;

    public SnsBatchEntryResult?[] Results { get; } = new SnsBatchEntryResult?[count];

    public int Requests => Volatile.Read(ref _requests);

    public string? StoppedBy { get; private set; }

    public void CountRequest(List<int> chunk)
    {
        Interlocked.Increment(ref _requests);
        foreach (int index in chunk)
        {
            _attempts[index]++;
            _lastErrors[index] = null;
        }
    }

    public void Stop(string code) => StoppedBy ??= code;

    public void FailAll(List<int> chunk, string code, string message, bool senderFault)
    {
        foreach (int index in chunk)
        {
            Results[index] = new SnsBatchEntryResult(index, _attempts[index]) { ErrorCode = code, ErrorMessage = message, SenderFault = senderFault };
        }
    }

    /// <summary>Records the answers of one request; entries SNS did not mention fail with <c>MissingResult</c>.</summary>
    public void Apply(List<int> chunk, List<SnsBatchResponseEntry> answers, bool mayRetry)
    {
        var open = new HashSet<int>(chunk);
        foreach (SnsBatchResponseEntry answer in answers)
        {
            if (!int.TryParse(answer.Id, NumberStyles.None, CultureInfo.InvariantCulture, out int index) || !open.Remove(index))
            {
                continue;
            }

            if (!answer.Failed && answer.MessageId is not null)
            {
                Results[index] = new SnsBatchEntryResult(index, _attempts[index]) { MessageId = answer.MessageId, SequenceNumber = answer.SequenceNumber };
            }
            else if (mayRetry && AwsErrorClassifier.IsRetryable(answer.Code))
            {
                _lastErrors[index] = new SnsBatchEntryResult(index, _attempts[index]) { ErrorCode = answer.Code ?? "Unknown", ErrorMessage = answer.Message, SenderFault = answer.SenderFault };
                lock (_gate)
                {
                    _retries.Add(index);
                }
            }
            else
            {
                Results[index] = new SnsBatchEntryResult(index, _attempts[index]) { ErrorCode = answer.Code ?? "Unknown", ErrorMessage = answer.Message, SenderFault = answer.SenderFault };
            }
        }

        foreach (int index in open)
        {
            Results[index] = new SnsBatchEntryResult(index, _attempts[index])
            {
                ErrorCode = "MissingResult",
                ErrorMessage = "SNS returned no result for this entry; it may or may not have been published.",
            };
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

    /// <summary>The results after the caller cancelled: known results stay, entries waiting for a retry keep their last
    /// error, entries in flight fail with <c>Canceled</c> and entries never sent with <c>NotAttempted</c>.</summary>
    public SnsBatchEntryResult[] Cancelled()
    {
        var results = new SnsBatchEntryResult[Results.Length];
        for (int index = 0; index < results.Length; index++)
        {
            results[index] = Results[index] ?? _lastErrors[index] ?? (_attempts[index] > 0
                ? new SnsBatchEntryResult(index, _attempts[index]) { ErrorCode = "Canceled", ErrorMessage = "The caller cancelled while the request was in flight; the message may or may not have been published." }
                : new SnsBatchEntryResult(index, 0) { ErrorCode = "NotAttempted", ErrorMessage = "Not sent: the caller cancelled the batch first." });
        }

        return results;
    }
}
