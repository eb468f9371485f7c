using Microsoft.Extensions.Logging;

namespace ServiceAuth.Client.Diagnostics;

/// <summary>
/// Source-generated log messages. Event ids are stable and grouped by area: 1xx signing (150–159 its recovery resends)
/// and retries (160–199), 2xx credentials and STS, 3xx SNS (docs/telemetry.md). No message carries a secret key, session
/// token, signature or canonical request. This file holds the signing messages; the other areas are partial files beside
/// it.
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

    [LoggerMessage(EventId = 150, EventName = "CredentialsRejected", Level = LogLevel.Warning,
        Message = "{Endpoint} rejected the credentials ({ErrorCode}); signing again with fresh credentials")]
    public static partial void CredentialsRejected(ILogger logger, string endpoint, string errorCode);

    [LoggerMessage(EventId = 151, EventName = "ClockSkewCorrected", Level = LogLevel.Warning,
        Message = "The clock of {Host} is {OffsetSeconds:F0} s from ours ({ErrorCode}); signing with the corrected time from now on")]
    public static partial void ClockSkewCorrected(ILogger logger, string host, double offsetSeconds, string errorCode);

    [LoggerMessage(EventId = 152, EventName = "ResendNotPossible", Level = LogLevel.Warning,
        Message = "{Endpoint} answered {ErrorCode}, but the {ContentType} body cannot be sent again; returning the answer")]
    public static partial void ResendNotPossible(ILogger logger, string endpoint, string errorCode, string contentType);

    [LoggerMessage(EventId = 153, EventName = "ClockSkewRefused", Level = LogLevel.Warning,
        Message = "The clock of {Host} is {OffsetSeconds:F0} s from ours, more than the {MaxMinutes:F0} minutes a correction may span; the answer is returned as it is. Check the clocks")]
    public static partial void ClockSkewRefused(ILogger logger, string host, double offsetSeconds, double maxMinutes);

    [LoggerMessage(EventId = 105, EventName = "AutoRedirectUnknownHandler", Level = LogLevel.Warning,
        Message = "The primary handler ({HandlerType}) of signed client '{ClientName}' is neither a SocketsHttpHandler nor an HttpClientHandler, so automatic redirects could not be turned off: make sure it does not follow redirects (a redirected request would carry the old host's signature). Logged once per client.")]
    public static partial void AutoRedirectUnknownHandler(ILogger logger, string handlerType, string clientName);
}
