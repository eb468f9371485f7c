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

    [LoggerMessage(EventId = 525, Level = LogLevel.Debug, Message = "Took the fleet lease for the access token of {Client} (fence {Fence}); asking the token endpoint for the fleet.")]
    public static partial void LeaseTaken(ILogger logger, string client, long fence);

    [LoggerMessage(EventId = 526, Level = LogLevel.Warning, Message = "The fleet lease for the access token of {Client} failed or was slow ({ErrorType}); asking the token endpoint without it.")]
    public static partial void LeaseFailed(ILogger logger, string client, string errorType);

    [LoggerMessage(EventId = 527, Level = LogLevel.Warning, Message = "No shared access token for {Client} after waiting {MaxWait} for the fleet lease holder; asking the token endpoint.")]
    public static partial void LeaseWaitExpired(ILogger logger, string client, TimeSpan maxWait);
}
