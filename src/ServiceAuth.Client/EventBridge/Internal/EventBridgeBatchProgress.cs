using ServiceAuth.Client.Protocol.Internal;

namespace ServiceAuth.Client.EventBridge.Internal;

/// <summary>The results of a publish as its requests complete (possibly concurrently): one slot per event, the retries of
/// the current round, the request count and the sum of reported <c>FailedEntryCount</c>s. A slot, once set, is final.</summary>
internal sealed class EventBridgeBatchProgress(int count)
{
    private readonly object _gate = new();
    private readonly int[] _attempts = new int[count];
    private readonly EventBridgeEntryResult?[] _results = new EventBridgeEntryResult?[count];
    private readonly List<int> _retries = [];
    private readonly Dictionary<int, PutEventsResultEntry> _retryable = [];
    private int _requests;
    private int _reportedFailed;

    public int Requests => Volatile.Read(ref _requests);

    public void CountRequest(List<int> chunk)
    {
        lock (_gate)
        {
            _requests++;
            foreach (int index in chunk)
            {
                _attempts[index]++;
            }
        }
    }

    public void FailAll(List<int> chunk, string code, string message, Exception failure)
    {
        lock (_gate)
        {
            foreach (int index in chunk)
            {
                _results[index] ??= new EventBridgeEntryResult(index, _attempts[index]) { ErrorCode = code, ErrorMessage = message, RequestFailure = failure };
            }
        }
    }

    /// <summary>Records the answer of one request. Entries answer by position; an entry EventBridge did not answer fails
    /// with <c>MissingResult</c>. A failed entry with a retryable code goes to the next round when retries remain.</summary>
    public void Apply(List<int> chunk, PutEventsAnswer answer, bool mayRetry)
    {
        lock (_gate)
        {
            _reportedFailed += answer.FailedEntryCount;
            for (int i = 0; i < chunk.Count; i++)
            {
                int index = chunk[i];
                PutEventsResultEntry? entry = i < answer.Entries.Count ? answer.Entries[i] : null;
                if (entry is { EventId: { } eventId, ErrorCode: null })
                {
                    _results[index] = new EventBridgeEntryResult(index, _attempts[index]) { EventId = eventId };
                }
                else if (entry is null)
                {
                    _results[index] = new EventBridgeEntryResult(index, _attempts[index])
                    {
                        ErrorCode = "MissingResult",
                        ErrorMessage = $"EventBridge answered {answer.Entries.Count} entries for a request of {chunk.Count}; this event may or may not have been published.",
                    };
                }
                else if (mayRetry && AwsErrorClassifier.IsRetryable(entry.ErrorCode))
                {
                    _retries.Add(index);
                    _retryable[index] = entry;
                }
                else
                {
                    _results[index] = new EventBridgeEntryResult(index, _attempts[index]) { ErrorCode = entry.ErrorCode ?? "Unknown", ErrorMessage = entry.ErrorMessage };
                }
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

    /// <summary>The result so far: every event without a final result gets <paramref name="code"/> (retries pending after a
    /// cancellation, requests in flight, events never sent).</summary>
    public EventBridgeBatchResult Snapshot(string code, string sentMessage, string unsentMessage)
    {
        lock (_gate)
        {
            var entries = new EventBridgeEntryResult[_results.Length];
            for (int i = 0; i < entries.Length; i++)
            {
                entries[i] = _results[i] ?? (_retryable.TryGetValue(i, out PutEventsResultEntry? last)
                    ? new EventBridgeEntryResult(i, _attempts[i]) { ErrorCode = last.ErrorCode, ErrorMessage = $"{last.ErrorMessage} (then {code} before a retry was accepted)" }
                    : new EventBridgeEntryResult(i, _attempts[i]) { ErrorCode = code, ErrorMessage = _attempts[i] > 0 ? sentMessage : unsentMessage });
            }

            return new EventBridgeBatchResult(entries, _requests, _reportedFailed);
        }
    }
}
