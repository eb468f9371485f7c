using Microsoft.Extensions.Logging;

namespace ServiceAuth.Client.Diagnostics;

/// <summary>Messages of the AWS retry handler, event ids 160–199. URIs without query strings; error codes only.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 160, EventName = "RetryingRequest", Level = LogLevel.Information,
        Message = "Retrying {Method} {Endpoint} after {Reason} in {DelayMs:F0} ms (retry {Retry})")]
    public static partial void RetryingRequest(ILogger logger, string method, string endpoint, string reason, double delayMs, int retry);

    [LoggerMessage(EventId = 161, EventName = "RetryBudgetExhausted", Level = LogLevel.Warning,
        Message = "Not retrying {Method} {Endpoint} after {Reason}: the retry budget is exhausted")]
    public static partial void RetryBudgetExhausted(ILogger logger, string method, string endpoint, string reason);
}
