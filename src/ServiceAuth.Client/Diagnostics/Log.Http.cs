using Microsoft.Extensions.Logging;

namespace ServiceAuth.Client.Diagnostics;

/// <summary>Recovery and retry messages of the signing and retry handlers, event ids 150–199. URIs without query strings;
/// error codes only.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 150, EventName = "CredentialsRejected", Level = LogLevel.Warning,
        Message = "{Endpoint} rejected the credentials ({ErrorCode}); signing again with fresh credentials")]
    public static partial void CredentialsRejected(ILogger logger, string endpoint, string errorCode);

    [LoggerMessage(EventId = 151, EventName = "ClockSkewCorrected", Level = LogLevel.Warning,
        Message = "The clock of {Host} is {OffsetSeconds:F0} s from ours ({ErrorCode}); signing with the corrected time from now on")]
    public static partial void ClockSkewCorrected(ILogger logger, string host, double offsetSeconds, string errorCode);

    [LoggerMessage(EventId = 152, EventName = "ResendNotPossible", Level = LogLevel.Warning,
        Message = "{Endpoint} answered {ErrorCode}, but the {ContentType} body cannot be sent again; returning the answer")]
    public static partial void ResendNotPossible(ILogger logger, string endpoint, string errorCode, string contentType);

    [LoggerMessage(EventId = 160, EventName = "RetryingRequest", Level = LogLevel.Information,
        Message = "Retrying {Method} {Endpoint} after {Reason} in {DelayMs:F0} ms (retry {Retry})")]
    public static partial void RetryingRequest(ILogger logger, string method, string endpoint, string reason, double delayMs, int retry);

    [LoggerMessage(EventId = 161, EventName = "RetryBudgetExhausted", Level = LogLevel.Warning,
        Message = "Not retrying {Method} {Endpoint} after {Reason}: the retry budget is exhausted")]
    public static partial void RetryBudgetExhausted(ILogger logger, string method, string endpoint, string reason);
}
