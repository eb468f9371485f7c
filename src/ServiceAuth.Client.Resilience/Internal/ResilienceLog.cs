using Microsoft.Extensions.Logging;

namespace ServiceAuth.Client.Resilience.Internal;

/// <summary>Messages of the AWS retry handler, event ids 160–179 (docs/telemetry.md): retries (160–169) and how a
/// client's resilience handlers compose (170–179). URIs without query strings; error codes only.</summary>
internal static partial class ResilienceLog
{
    [LoggerMessage(EventId = 160, EventName = "RetryingRequest", Level = LogLevel.Information,
        Message = "Retrying {Method} {Endpoint} after {Reason} in {DelayMs:F0} ms (retry {Retry})")]
    public static partial void RetryingRequest(ILogger logger, string method, string endpoint, string reason, double delayMs, int retry);

    [LoggerMessage(EventId = 161, EventName = "RetryBudgetExhausted", Level = LogLevel.Warning,
        Message = "Not retrying {Method} {Endpoint} after {Reason}: the retry budget is exhausted")]
    public static partial void RetryBudgetExhausted(ILogger logger, string method, string endpoint, string reason);

    [LoggerMessage(EventId = 170, EventName = "ResilienceHandlersStacked", Level = LogLevel.Warning,
        Message = "HttpClient '{ClientName}' has {Count} resilience handlers (for example the standard handler from ConfigureHttpClientDefaults and AddAwsRetries): when more than one retries, their attempts multiply. Keep one: call RemoveAllResilienceHandlers() before adding yours, or plug AwsRetryPredicates.ShouldHandle into the standard handler instead of AddAwsRetries. Logged once per client.")]
    public static partial void ResilienceHandlersStacked(ILogger logger, string clientName, int count);
}
