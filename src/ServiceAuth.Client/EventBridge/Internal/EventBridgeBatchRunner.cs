using System.Diagnostics;
using Microsoft.Extensions.Logging;
using ServiceAuth.Client.Messaging.Internal;
using ServiceAuth.Client.Protocol.Internal;

namespace ServiceAuth.Client.EventBridge.Internal;

/// <summary>
/// Publishes prepared entries through the shared <see cref="BatchEngine"/> in <c>PutEvents</c> requests: this class only
/// writes the awsJson request and reads its answer (entries answer by position). The caller's cancellation ends the call
/// with <see cref="EventBridgeBatchCanceledException"/> carrying the results known so far.
/// </summary>
internal sealed class EventBridgeBatchRunner<TEvent>(EventBridgePublisherSettings<TEvent> settings, EventBridgeTransport transport, FullJitterBackoff backoff, ILogger logger)
{
    private readonly BatchEngine _engine = new(
        new BatchPolicy("PutEvents", settings.MaxRequestBytes, settings.MaxBatchRetries, settings.MaxConcurrentBatchRequests)
        {
            ReadError = static ex => ex is EventBridgeException eb
                ? new BatchRequestError(eb.Code.Length > 0 ? eb.Code : $"Http{(int)eb.StatusCode}", eb.ErrorMessage ?? eb.Message, (int)eb.StatusCode is >= 400 and < 500, eb.RequestId)
                : null,
        },
        new EventBridgeBatchLog(logger, settings.Bus.Name),
        backoff);

    /// <summary>Publishes <paramref name="entries"/>; a single event's span gets the <c>aws.request_id</c> of its last
    /// <c>PutEvents</c> request.</summary>
    public async Task<EventBridgeBatchResult> RunAsync(IReadOnlyList<PreparedEntry> entries, Activity? activity, CancellationToken cancellationToken)
    {
        Activity? requestIdSpan = entries.Count == 1 ? activity : null;
        int[] sizes = [.. entries.Select(e => e.Size)];
        BatchOutcome outcome = await _engine.RunAsync(sizes, (chunk, token) => SendAsync(chunk, entries, requestIdSpan, token), cancellationToken).ConfigureAwait(false);
        var result = new EventBridgeBatchResult(outcome);
        return outcome.Cancellation is { } cancellation ? throw new EventBridgeBatchCanceledException(result, cancellation, cancellationToken) : result;
    }

    private async Task<BatchAnswer> SendAsync(List<int> chunk, IReadOnlyList<PreparedEntry> entries, Activity? requestIdSpan, CancellationToken cancellationToken)
    {
        PreparedEntry[] batch = [.. chunk.Select(i => entries[i])];
        PutEventsAnswer answer;
        try
        {
            answer = await transport.PutEventsAsync(settings.Bus.Value, batch, cancellationToken).ConfigureAwait(false);
        }
        catch (EventBridgeException ex)
        {
            requestIdSpan?.SetTag("aws.request_id", ex.RequestId);
            throw;
        }

        requestIdSpan?.SetTag("aws.request_id", answer.RequestId);
        var answers = new BatchEntryAnswer[Math.Min(chunk.Count, answer.Entries.Count)];
        for (int i = 0; i < answers.Length; i++)
        {
            PutEventsResultEntry entry = answer.Entries[i];
            bool accepted = entry is { EventId: not null, ErrorCode: null };
            answers[i] = new BatchEntryAnswer(chunk[i], accepted ? entry.EventId : null, accepted ? null : entry.ErrorCode ?? BatchCodes.Unknown) { ErrorMessage = entry.ErrorMessage };
        }

        return new BatchAnswer(answers, answer.FailedEntryCount, answer.RequestId);
    }
}
