using Microsoft.Extensions.Logging;

namespace ServiceAuth.Client.Diagnostics;

/// <summary>Credentials and STS messages, event ids 200–299. Role ARNs, error codes and request ids only: never a key,
/// a token, a policy or an external id.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 200, EventName = "RoleAssumed", Level = LogLevel.Information,
        Message = "Assumed role {RoleArn} as session {RoleSessionName}; the credentials expire at {Expiration:O}, refreshed from {RefreshAt:O}")]
    public static partial void RoleAssumed(ILogger logger, string roleArn, string roleSessionName, DateTimeOffset expiration, DateTimeOffset refreshAt);

    [LoggerMessage(EventId = 201, EventName = "AssumeRoleAttemptFailed", Level = LogLevel.Warning,
        Message = "STS AssumeRole for {RoleArn} failed with {ErrorCode} (STS request id {StsRequestId}), classified {ErrorKind}")]
    public static partial void AssumeRoleAttemptFailed(ILogger logger, string roleArn, string errorCode, string? stsRequestId, string errorKind);

    [LoggerMessage(EventId = 206, EventName = "AssumeRoleSourceUnavailable", Level = LogLevel.Warning,
        Message = "STS AssumeRole for {RoleArn} was not called: there are no source credentials to call it with. {Reason}")]
    public static partial void AssumeRoleSourceUnavailable(ILogger logger, string roleArn, string reason);

    [LoggerMessage(EventId = 202, EventName = "RefreshFailedServingCached", Level = LogLevel.Warning,
        Message = "Refreshing the credentials of {RoleArn} failed ({ErrorCode}); serving the cached ones, valid until {Expiration:O}, and trying again at {NextAttempt:O}")]
    public static partial void RefreshFailedServingCached(ILogger logger, string roleArn, string? errorCode, DateTimeOffset expiration, DateTimeOffset nextAttempt);

    [LoggerMessage(EventId = 203, EventName = "RefreshFailedNoCredentials", Level = LogLevel.Error,
        Message = "Could not obtain credentials for {RoleArn} ({ErrorCode}, STS request id {StsRequestId}); requests fail fast until {Until:O}")]
    public static partial void RefreshFailedNoCredentials(ILogger logger, string roleArn, string? errorCode, string? stsRequestId, DateTimeOffset until);

    [LoggerMessage(EventId = 204, EventName = "RefreshStarted", Level = LogLevel.Debug,
        Message = "Refreshing the credentials of {RoleArn} ({Mode})")]
    public static partial void RefreshStarted(ILogger logger, string roleArn, string mode);

    [LoggerMessage(EventId = 205, EventName = "CredentialsInvalidated", Level = LogLevel.Warning,
        Message = "Dropped the cached credentials of {RoleArn} because a target rejected them; the next request obtains fresh ones")]
    public static partial void CredentialsInvalidated(ILogger logger, string roleArn);

    [LoggerMessage(EventId = 260, EventName = "ForcedRefreshRateLimited", Level = LogLevel.Debug,
        Message = "A target rejected the credentials of {RoleArn} again; a forced refresh ran less than {IntervalSeconds:F0} s ago, so the answer is returned as it is")]
    public static partial void ForcedRefreshRateLimited(ILogger logger, string roleArn, double intervalSeconds);
}
