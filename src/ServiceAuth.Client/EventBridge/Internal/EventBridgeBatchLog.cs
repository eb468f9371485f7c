using Microsoft.Extensions.Logging;
using ServiceAuth.Client.Diagnostics;
using ServiceAuth.Client.Messaging.Internal;

namespace ServiceAuth.Client.EventBridge.Internal;

/// <summary>The batch engine's logs for one bus, with the EventBridge event ids (700-719).</summary>
internal sealed class EventBridgeBatchLog(ILogger logger, string bus) : IBatchLog
{
    public void Retrying(int count, int round, TimeSpan delay) => Log.EventBridgeEntriesRetrying(logger, bus, count, round, (long)delay.TotalMilliseconds);

    public void RequestFailed(string code, int count, string? requestId) => Log.EventBridgeRequestFailed(logger, bus, code, count, requestId);

    public void Published(BatchOutcome outcome) =>
        Log.EventBridgeBatchPublished(logger, bus, outcome.Entries.Length, outcome.SucceededCount, outcome.Entries.Length - outcome.SucceededCount, outcome.Requests);

    public void Canceled(BatchOutcome partial) => Log.EventBridgeBatchCanceled(logger, bus, partial.Entries.Length, partial.SucceededCount);
}
