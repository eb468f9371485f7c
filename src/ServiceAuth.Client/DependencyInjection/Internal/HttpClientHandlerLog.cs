using Microsoft.Extensions.Logging;

namespace ServiceAuth.Client.DependencyInjection.Internal;

/// <summary>The events of HttpClient's default <c>ClientHandler</c> logger, next to the primary handler.</summary>
internal static partial class HttpClientHandlerLog
{
    [LoggerMessage(EventId = 100, EventName = "RequestStart", Level = LogLevel.Information, Message = "Sending HTTP request {HttpMethod} {Uri}")]
    public static partial void Start(ILogger logger, HttpMethod httpMethod, string? uri);

    [LoggerMessage(EventId = 101, EventName = "RequestEnd", Level = LogLevel.Information, Message = "Received HTTP response headers after {ElapsedMilliseconds}ms - {StatusCode}")]
    public static partial void End(ILogger logger, double elapsedMilliseconds, int statusCode);

    [LoggerMessage(EventId = 104, EventName = "RequestFailed", Level = LogLevel.Information, Message = "HTTP request failed after {ElapsedMilliseconds}ms")]
    public static partial void Failed(ILogger logger, double elapsedMilliseconds, Exception exception);
}
