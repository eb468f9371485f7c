using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Http.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ServiceAuth.Client.DependencyInjection.Internal;

/// <summary>
/// HttpClient's default logging, in its categories (<c>System.Net.Http.HttpClient.{name}.LogicalHandler</c> around the
/// pipeline, <c>.ClientHandler</c> next to the primary handler) with its event ids (100 start, 101 end, 102/103 request and
/// response headers at Trace, 104 failure) and texts, where nothing carries a secret: header values go through the
/// client's redaction rule in the message and in the structured state, and a URI is logged without its query (<c>?*</c>).
/// </summary>
internal sealed class RedactingHttpClientLogger(ILogger logger, Func<string, bool> shouldRedact, bool logical) : IHttpClientLogger
{
    public static RedactingHttpClientLogger Create(IServiceProvider provider, string name, bool logical)
    {
        ILoggerFactory loggers = provider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        string category = $"System.Net.Http.HttpClient.{name}.{(logical ? "LogicalHandler" : "ClientHandler")}";
        Func<string, bool> rule = provider.GetRequiredService<IOptionsMonitor<HttpClientFactoryOptions>>().Get(name).ShouldRedactHeaderValue;
        return new RedactingHttpClientLogger(loggers.CreateLogger(category), rule, logical);
    }

    public object? LogRequestStart(HttpRequestMessage request)
    {
        // The scope (around the pipeline) needs the URI on every request, as HttpClient's own scope does; next to the
        // wire, where each attempt passes, it is built only when the start event is written.
        IDisposable? scope = null;
        if (logical)
        {
            string? uri = RedactedHeaders.Uri(request.RequestUri);
            scope = HttpClientLogicalLog.BeginRequestScope(logger, request.Method, uri);
            HttpClientLogicalLog.Start(logger, request.Method, uri);
        }
        else if (logger.IsEnabled(LogLevel.Information))
        {
            HttpClientHandlerLog.Start(logger, request.Method, RedactedHeaders.Uri(request.RequestUri));
        }

        if (logger.IsEnabled(LogLevel.Trace))
        {
            var headers = new RedactedHeaders("Request", request.Headers, request.Content?.Headers, shouldRedact);
            logger.Log(LogLevel.Trace, new EventId(102, logical ? "RequestPipelineRequestHeader" : "RequestHeader"), headers, null, static (s, _) => s.ToString());
        }

        return scope;
    }

    public void LogRequestStop(object? context, HttpRequestMessage request, HttpResponseMessage response, TimeSpan elapsed)
    {
        if (logical)
        {
            HttpClientLogicalLog.End(logger, elapsed.TotalMilliseconds, (int)response.StatusCode);
        }
        else
        {
            HttpClientHandlerLog.End(logger, elapsed.TotalMilliseconds, (int)response.StatusCode);
        }

        if (logger.IsEnabled(LogLevel.Trace))
        {
            var headers = new RedactedHeaders("Response", response.Headers, response.Content?.Headers, shouldRedact);
            logger.Log(LogLevel.Trace, new EventId(103, logical ? "RequestPipelineResponseHeader" : "ResponseHeader"), headers, null, static (s, _) => s.ToString());
        }

        (context as IDisposable)?.Dispose();
    }

    public void LogRequestFailed(object? context, HttpRequestMessage request, HttpResponseMessage? response, Exception exception, TimeSpan elapsed)
    {
        if (logical)
        {
            HttpClientLogicalLog.Failed(logger, elapsed.TotalMilliseconds, exception);
        }
        else
        {
            HttpClientHandlerLog.Failed(logger, elapsed.TotalMilliseconds, exception);
        }

        (context as IDisposable)?.Dispose();
    }
}
