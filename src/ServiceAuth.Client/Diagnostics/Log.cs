using Microsoft.Extensions.Logging;

namespace ServiceAuth.Client.Diagnostics;

/// <summary>
/// Source-generated log messages. Event ids are stable and grouped by area: 1xx signing and HTTP, 2xx credentials and
/// STS, 3xx SNS (docs/telemetry.md). No message carries a secret key, session token, signature or canonical request.
/// This file holds the signing and HTTP messages; the other areas are partial files beside it.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 100, EventName = "RequestSigned", Level = LogLevel.Debug,
        Message = "Signed {Method} {Endpoint} for service {Service} in {Region}")]
    public static partial void RequestSigned(ILogger logger, string method, string endpoint, string service, string region);

    [LoggerMessage(EventId = 102, EventName = "AutoRedirectDisabled", Level = LogLevel.Debug,
        Message = "Turned off automatic redirects on the primary handler of signed client '{ClientName}'")]
    public static partial void AutoRedirectDisabled(ILogger logger, string clientName);

    [LoggerMessage(EventId = 103, EventName = "AutoRedirectNotDisabled", Level = LogLevel.Warning,
        Message = "Could not turn off automatic redirects on the primary handler ({HandlerType}) of signed client '{ClientName}': a redirect would be followed with the old signature. Set AllowAutoRedirect = false yourself.")]
    public static partial void AutoRedirectNotDisabled(ILogger logger, string handlerType, string clientName);

    [LoggerMessage(EventId = 104, EventName = "SigningFailed", Level = LogLevel.Warning,
        Message = "Could not sign {Method} {Endpoint}: {Reason}")]
    public static partial void SigningFailed(ILogger logger, string method, string endpoint, string reason);
}
