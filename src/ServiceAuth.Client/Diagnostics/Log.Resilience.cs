using Microsoft.Extensions.Logging;

namespace ServiceAuth.Client.Diagnostics;

/// <summary>Messages about how a client's resilience handlers compose, event ids 170–179 (within the retry range).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 170, EventName = "ResilienceHandlersStacked", Level = LogLevel.Warning,
        Message = "HttpClient '{ClientName}' has {Count} resilience handlers (for example the standard handler from ConfigureHttpClientDefaults and AddAwsRetries): when more than one retries, their attempts multiply. Keep one: call RemoveAllResilienceHandlers() before adding yours, or plug AwsResilience.ShouldHandle into the standard handler instead of AddAwsRetries. Logged once per client.")]
    public static partial void ResilienceHandlersStacked(ILogger logger, string clientName, int count);
}
