using Microsoft.Extensions.Logging;

namespace ServiceAuth.Client.DependencyInjection.Internal;

/// <summary>The events of HttpClient's default <c>LogicalHandler</c> logger, around the whole handler pipeline.</summary>
internal static partial class HttpClientLogicalLog
{
    private static readonly Func<ILogger, HttpMethod, string?, IDisposable?> Scope =
        LoggerMessage.DefineScope<HttpMethod, string?>("HTTP {HttpMethod} {Uri}");

    public static IDisposable? BeginRequestScope(ILogger logger, HttpMethod method, string? uri) => Scope(logger, method, uri);

    [LoggerMessage(EventId = 100, EventName = "RequestPipelineStart", Level = LogLevel.Information, Message = "Start processing HTTP request {HttpMethod} {Uri}")]
    public static partial void Start(ILogger logger, HttpMethod httpMethod, string? uri);

    [LoggerMessage(EventId = 101, EventName = "RequestPipelineEnd", Level = LogLevel.Information, Message = "End processing HTTP request after {ElapsedMilliseconds}ms - {StatusCode}")]
    public static partial void End(ILogger logger, double elapsedMilliseconds, int statusCode);

    [LoggerMessage(EventId = 104, EventName = "RequestPipelineFailed", Level = LogLevel.Information, Message = "HTTP request failed after {ElapsedMilliseconds}ms")]
    public static partial void Failed(ILogger logger, double elapsedMilliseconds, Exception exception);
}
