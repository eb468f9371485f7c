using Microsoft.Extensions.Logging;

namespace ServiceAuth.Client.Diagnostics;

/// <summary>Client-credentials token messages, event ids 500–549. Client ids, endpoints and OAuth error codes only:
/// never a secret or a token.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 500, EventName = "TokenObtained", Level = LogLevel.Information,
        Message = "Obtained an access token for {Client}; it expires at {Expiration:O}, refreshed from {RefreshAt:O}")]
    public static partial void TokenObtained(ILogger logger, string client, DateTimeOffset expiration, DateTimeOffset refreshAt);

    [LoggerMessage(EventId = 501, EventName = "TokenRequestFailed", Level = LogLevel.Warning,
        Message = "The token request of {Client} failed with {Error} (HTTP {StatusCode}, {ErrorType})")]
    public static partial void TokenRequestFailed(ILogger logger, string client, string? error, int? statusCode, string errorType);

    [LoggerMessage(EventId = 502, EventName = "TokenRefreshFailedServingCached", Level = LogLevel.Warning,
        Message = "Refreshing the access token of {Client} failed ({Error}); serving the cached one, valid until {Expiration:O}, and trying again at {NextAttempt:O}")]
    public static partial void TokenRefreshFailedServingCached(ILogger logger, string client, string? error, DateTimeOffset expiration, DateTimeOffset nextAttempt);

    [LoggerMessage(EventId = 503, EventName = "TokenRefreshFailedNoToken", Level = LogLevel.Error,
        Message = "Could not obtain an access token for {Client} ({Error}, HTTP {StatusCode}); requests fail fast until {Until:O}")]
    public static partial void TokenRefreshFailedNoToken(ILogger logger, string client, string? error, int? statusCode, DateTimeOffset until);

    [LoggerMessage(EventId = 504, EventName = "TokenRefreshStarted", Level = LogLevel.Debug,
        Message = "Requesting an access token for {Client} ({Mode})")]
    public static partial void TokenRefreshStarted(ILogger logger, string client, string mode);

    [LoggerMessage(EventId = 505, EventName = "TokenRejected", Level = LogLevel.Warning,
        Message = "{Target} answered 401 invalid_token to the access token of {Client}")]
    public static partial void TokenRejected(ILogger logger, string target, string client);

    [LoggerMessage(EventId = 506, EventName = "TokenInvalidated", Level = LogLevel.Warning,
        Message = "Dropped the cached access token of {Client}; the next request obtains a fresh one")]
    public static partial void TokenInvalidated(ILogger logger, string client);

    [LoggerMessage(EventId = 507, EventName = "TokenInvalidationRateLimited", Level = LogLevel.Warning,
        Message = "Kept the access token of {Client} although a target refused it: a token was dropped less than 30 seconds ago (next drop allowed at {NextAllowed:O}); check the target's issuer, audience and scopes")]
    public static partial void TokenInvalidationRateLimited(ILogger logger, string client, DateTimeOffset nextAllowed);

    [LoggerMessage(EventId = 508, EventName = "TokenResendNotPossible", Level = LogLevel.Warning,
        Message = "Not sending the request to {Target} again with a fresh token: its body ({ContentType}) cannot be replayed")]
    public static partial void TokenResendNotPossible(ILogger logger, string target, string contentType);
}
