using Microsoft.Extensions.Logging;

namespace ServiceAuth.Client.Caching.Internal;

/// <summary>Fleet sharing log events, ids 520–529 (docs/telemetry.md). Never the token.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 520, Level = LogLevel.Debug, Message = "Using the access token shared in the distributed cache for {Client}, expiring at {ExpiresAt:O}.")]
    public static partial void SharedTokenUsed(ILogger logger, string client, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 521, Level = LogLevel.Debug, Message = "Shared the access token of {Client} in the distributed cache until {SharedUntil:O}.")]
    public static partial void SharedTokenWritten(ILogger logger, string client, DateTimeOffset sharedUntil);

    [LoggerMessage(EventId = 522, Level = LogLevel.Warning, Message = "Could not read the shared access token of {Client} from the distributed cache ({ErrorType}); asking the token endpoint.")]
    public static partial void SharedCacheReadFailed(ILogger logger, string client, string errorType);

    [LoggerMessage(EventId = 523, Level = LogLevel.Warning, Message = "Could not write the shared access token of {Client} to the distributed cache ({ErrorType}); other processes will fetch their own.")]
    public static partial void SharedCacheWriteFailed(ILogger logger, string client, string errorType);

    [LoggerMessage(EventId = 524, Level = LogLevel.Warning, Message = "Refused the access token shared in the distributed cache for {Client}: {Reason}; the entry is removed and the token endpoint asked.")]
    public static partial void SharedTokenRefused(ILogger logger, string client, string reason);
}
