using Microsoft.Extensions.Logging;
using ServiceAuth.Client.Diagnostics;
using ServiceAuth.Client.Messaging.Internal;

namespace ServiceAuth.Client.Sns.Internal;

/// <summary>The batch engine's logs for one topic, with the SNS event ids (300-399).</summary>
internal sealed class SnsBatchLog(ILogger logger, string topic) : IBatchLog
{
    public void Retrying(int count, int round, TimeSpan delay) => Log.SnsBatchEntriesRetrying(logger, topic, count, round, (long)delay.TotalMilliseconds);

    public void RequestFailed(string code, int count, string? requestId) => Log.SnsBatchRequestFailed(logger, topic, code, count, requestId);

    public void Published(BatchOutcome outcome) =>
        Log.SnsBatchPublished(logger, topic, outcome.Entries.Length, outcome.SucceededCount, outcome.Entries.Length - outcome.SucceededCount, outcome.Requests);

    public void Canceled(BatchOutcome partial) => Log.SnsBatchCancelled(logger, topic, partial.Entries.Length, partial.SucceededCount, partial.Requests);
}
