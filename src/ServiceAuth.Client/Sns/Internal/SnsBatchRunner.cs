using System.Globalization;
using Microsoft.Extensions.Logging;
using ServiceAuth.Client.Messaging.Internal;
using ServiceAuth.Client.Protocol.Internal;

namespace ServiceAuth.Client.Sns.Internal;

/// <summary>
/// Publishes prepared messages through the shared <see cref="BatchEngine"/> in <c>PublishBatch</c> requests: this class
/// only writes the awsQuery request (entry ids are input indices) and reads its answer. On a FIFO topic requests go one at
/// a time and a failed request leaves the later messages unsent, so that group order holds.
/// </summary>
internal sealed class SnsBatchRunner<TMessage>(SnsPublisherSettings<TMessage> settings, SnsTransport transport, FullJitterBackoff backoff, ILogger logger)
{
    private readonly BatchEngine _engine = new(
        new BatchPolicy("PublishBatch", settings.MaxMessageBytes, settings.MaxBatchRetries, settings.MaxConcurrentBatchRequests)
        {
            StopAfterFailedRequest = settings.Topic.IsFifo,
            ReadError = static ex => ex is SnsException sns
                ? new BatchRequestError(sns.Code.Length > 0 ? sns.Code : $"Http{(int)sns.StatusCode}", sns.ErrorMessage ?? sns.Message, sns.ErrorType == "Sender" || (int)sns.StatusCode is >= 400 and < 500, sns.RequestId)
                : null,
        },
        new SnsBatchLog(logger, settings.Topic.Name),
        backoff);

    public async Task<SnsBatchResult> RunAsync(IReadOnlyList<PreparedMessage> messages, CancellationToken cancellationToken)
    {
        int[] sizes = [.. messages.Select(m => m.Size)];
        BatchOutcome outcome = await _engine.RunAsync(sizes, (chunk, token) => SendAsync(chunk, messages, token), cancellationToken).ConfigureAwait(false);
        var result = new SnsBatchResult(outcome);
        return outcome.Cancellation is { } cancellation ? throw new SnsBatchCanceledException(result, cancellation, cancellationToken) : result;
    }

    private async Task<BatchAnswer> SendAsync(List<int> chunk, IReadOnlyList<PreparedMessage> messages, CancellationToken cancellationToken)
    {
        var entries = new List<KeyValuePair<string, PreparedMessage>>(chunk.Count);
        foreach (int index in chunk)
        {
            entries.Add(new(index.ToString(CultureInfo.InvariantCulture), messages[index]));
        }

        List<SnsBatchResponseEntry> answers = await transport.PublishBatchAsync(settings.Topic.Value, entries, cancellationToken).ConfigureAwait(false);
        return new BatchAnswer(answers.ConvertAll(Read), answers.Count(a => a.Failed), null);
    }

    /// <summary>An answer whose id is not an input index is ignored (its entry then fails with <c>MissingResult</c>).</summary>
    private static BatchEntryAnswer Read(SnsBatchResponseEntry answer) => new(
        int.TryParse(answer.Id, NumberStyles.None, CultureInfo.InvariantCulture, out int index) ? index : -1,
        answer.Failed ? null : answer.MessageId,
        answer.Failed || answer.MessageId is null ? answer.Code ?? BatchCodes.Unknown : null)
    {
        SequenceNumber = answer.SequenceNumber,
        ErrorMessage = answer.Message,
        SenderFault = answer.SenderFault,
    };
}
