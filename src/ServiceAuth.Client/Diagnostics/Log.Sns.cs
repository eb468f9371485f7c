using Microsoft.Extensions.Logging;

namespace ServiceAuth.Client.Diagnostics;

/// <summary>SNS publisher messages (event ids 300-399). Message bodies and attribute values are never logged.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 300, EventName = "SnsPublished", Level = LogLevel.Debug,
        Message = "Published message {MessageId} to SNS topic {Topic}")]
    public static partial void SnsPublished(ILogger logger, string topic, string messageId);

    [LoggerMessage(EventId = 301, EventName = "SnsPublishFailed", Level = LogLevel.Warning,
        Message = "Publishing to SNS topic {Topic} failed with {Code} (HTTP {StatusCode}, RequestId {RequestId})")]
    public static partial void SnsPublishFailed(ILogger logger, string topic, string code, int statusCode, string? requestId);

    [LoggerMessage(EventId = 302, EventName = "SnsBatchPublished", Level = LogLevel.Debug,
        Message = "Published a batch of {Count} messages to SNS topic {Topic}: {Succeeded} succeeded, {Failed} failed, in {Requests} PublishBatch requests")]
    public static partial void SnsBatchPublished(ILogger logger, string topic, int count, int succeeded, int failed, int requests);

    [LoggerMessage(EventId = 303, EventName = "SnsBatchEntriesRetrying", Level = LogLevel.Information,
        Message = "Sending {Count} batch entries to SNS topic {Topic} again (round {Round}) after {DelayMilliseconds} ms: they failed with a retryable code")]
    public static partial void SnsBatchEntriesRetrying(ILogger logger, string topic, int count, int round, long delayMilliseconds);

    [LoggerMessage(EventId = 304, EventName = "SnsBatchRequestFailed", Level = LogLevel.Warning,
        Message = "A PublishBatch request of {Count} entries to SNS topic {Topic} failed with {Code} (RequestId {RequestId}); its entries are reported as failed")]
    public static partial void SnsBatchRequestFailed(ILogger logger, string topic, string code, int count, string? requestId);

    [LoggerMessage(EventId = 305, EventName = "SnsTraceContextSkipped", Level = LogLevel.Information,
        Message = "Did not add the traceparent attribute to a message for SNS topic {Topic}: it already has {AttributeCount} attributes (10 at most) or no bytes to spare. Logged once per publisher.")]
    public static partial void SnsTraceContextSkipped(ILogger logger, string topic, int attributeCount);

    [LoggerMessage(EventId = 306, EventName = "SnsBatchCancelled", Level = LogLevel.Information,
        Message = "PublishBatch to SNS topic {Topic} was cancelled by the caller: {Succeeded} of {Count} messages were accepted in {Requests} requests before that.")]
    public static partial void SnsBatchCancelled(ILogger logger, string topic, int count, int succeeded, int requests);
}
