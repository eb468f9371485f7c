using Microsoft.Extensions.Logging;

namespace ServiceAuth.Client.AspNetCore.IdentityTokens.Internal;

/// <summary>Verifier log messages, event ids 820–859 (docs/telemetry.md). Never the token, its signature or a session
/// token; attacker-supplied text is quoted, cut to 64 printable characters.</summary>
internal static partial class IdentityTokenLog
{
    [LoggerMessage(EventId = 820, EventName = "IdentityTokenRefused", Level = LogLevel.Information,
        Message = "IAM identity token refused by scheme {Scheme} ({Reason}): {Detail}")]
    public static partial void Refused(ILogger logger, string scheme, IamIdentityTokenFailureReason reason, string detail);

    [LoggerMessage(EventId = 821, EventName = "IdentityTokenStsUnavailable", Level = LogLevel.Warning,
        Message = "IAM identity token refused by scheme {Scheme} because STS could not confirm it ({Reason}): {Detail}")]
    public static partial void StsUnavailable(ILogger logger, string scheme, IamIdentityTokenFailureReason reason, string detail);

    [LoggerMessage(EventId = 822, EventName = "IdentityTokenAccepted", Level = LogLevel.Debug,
        Message = "IAM identity token accepted by scheme {Scheme}: {Arn} (from cache: {FromCache})")]
    public static partial void Accepted(ILogger logger, string scheme, string arn, bool fromCache);
}
