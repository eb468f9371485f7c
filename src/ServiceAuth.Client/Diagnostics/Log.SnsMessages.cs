using Microsoft.Extensions.Logging;

namespace ServiceAuth.Client.Diagnostics;

/// <summary>SNS message verifier messages (event ids 340-349). Message bodies and signatures are never logged.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 340, EventName = "SnsMessageVerified", Level = LogLevel.Debug,
        Message = "Verified SNS {Type} {MessageId} from topic {Topic}")]
    public static partial void SnsMessageVerified(ILogger logger, string type, string topic, string messageId);

    [LoggerMessage(EventId = 341, EventName = "SnsMessageRefused", Level = LogLevel.Information,
        Message = "Refused an SNS envelope: {Reason} ({Detail})")]
    public static partial void SnsMessageRefused(ILogger logger, string reason, string detail);

    [LoggerMessage(EventId = 342, EventName = "SnsSigningCertificateFetched", Level = LogLevel.Information,
        Message = "Fetched and checked the SNS signing certificate at {Url} ({Subject}, valid until {NotAfter})")]
    public static partial void SnsSigningCertificateFetched(ILogger logger, string url, string subject, DateTime notAfter);

    [LoggerMessage(EventId = 343, EventName = "SnsSigningCertificateUnavailable", Level = LogLevel.Warning,
        Message = "Could not fetch the SNS signing certificate at {Url} ({ExceptionType}); messages signed with it are refused until a fetch succeeds")]
    public static partial void SnsSigningCertificateUnavailable(ILogger logger, string url, string exceptionType);

    [LoggerMessage(EventId = 344, EventName = "SnsSigningCertificateUntrusted", Level = LogLevel.Warning,
        Message = "The certificate at {Url} ({Subject}) does not chain to a trusted root or is not issued for sns.amazonaws.com; messages signed with it are refused")]
    public static partial void SnsSigningCertificateUntrusted(ILogger logger, string url, string subject);
}
