using Microsoft.Extensions.Logging;

namespace ServiceAuth.Client.Diagnostics;

/// <summary>EventBridge publisher messages (event ids 700-719). Event details are never logged.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 700, EventName = "EventBridgePublished", Level = LogLevel.Debug,
        Message = "Published event {EventId} to EventBridge bus {Bus}")]
    public static partial void EventBridgePublished(ILogger logger, string bus, string eventId);

    [LoggerMessage(EventId = 701, EventName = "EventBridgePublishFailed", Level = LogLevel.Warning,
        Message = "Publishing an event to EventBridge bus {Bus} failed with {Code}")]
    public static partial void EventBridgePublishFailed(ILogger logger, string bus, string code);

    [LoggerMessage(EventId = 702, EventName = "EventBridgeBatchPublished", Level = LogLevel.Debug,
        Message = "Published {Count} events to EventBridge bus {Bus}: {Succeeded} succeeded, {Failed} failed, in {Requests} PutEvents requests")]
    public static partial void EventBridgeBatchPublished(ILogger logger, string bus, int count, int succeeded, int failed, int requests);

    [LoggerMessage(EventId = 703, EventName = "EventBridgeEntriesRetrying", Level = LogLevel.Information,
        Message = "Sending {Count} entries to EventBridge bus {Bus} again (round {Round}) after {DelayMilliseconds} ms: they failed with a retryable code")]
    public static partial void EventBridgeEntriesRetrying(ILogger logger, string bus, int count, int round, long delayMilliseconds);

    [LoggerMessage(EventId = 704, EventName = "EventBridgeRequestFailed", Level = LogLevel.Warning,
        Message = "A PutEvents request of {Count} entries to EventBridge bus {Bus} failed with {Code} (RequestId {RequestId}); its entries are reported as failed")]
    public static partial void EventBridgeRequestFailed(ILogger logger, string bus, string code, int count, string? requestId);

    [LoggerMessage(EventId = 705, EventName = "EventBridgeBatchCanceled", Level = LogLevel.Information,
        Message = "Publishing {Count} events to EventBridge bus {Bus} was canceled by the caller after {Succeeded} were accepted")]
    public static partial void EventBridgeBatchCanceled(ILogger logger, string bus, int count, int succeeded);
}
