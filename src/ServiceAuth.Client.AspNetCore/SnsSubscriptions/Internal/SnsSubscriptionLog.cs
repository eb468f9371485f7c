using Microsoft.Extensions.Logging;

namespace ServiceAuth.Client.AspNetCore.SnsSubscriptions.Internal;

/// <summary>HTTPS subscription endpoint messages, event ids 350–359 (docs/telemetry.md). Never a message body or signature.</summary>
internal static partial class SnsSubscriptionLog
{
    [LoggerMessage(EventId = 350, EventName = "SnsSubscriptionConfirmed", Level = LogLevel.Information,
        Message = "Confirmed the SNS subscription to topic {Topic}")]
    public static partial void Confirmed(ILogger logger, string topic);

    [LoggerMessage(EventId = 351, EventName = "SnsSubscriptionConfirmFailed", Level = LogLevel.Warning,
        Message = "Could not confirm the SNS subscription to topic {Topic}: {Problem}; SNS sends the confirmation again")]
    public static partial void ConfirmFailed(ILogger logger, string topic, string problem);

    [LoggerMessage(EventId = 352, EventName = "SnsSubscriptionRequestRefused", Level = LogLevel.Information,
        Message = "Refused a request to the SNS subscription endpoint {Path} with {StatusCode}: {Reason}")]
    public static partial void Refused(ILogger logger, string path, int statusCode, string reason);

    [LoggerMessage(EventId = 353, EventName = "SnsUnsubscribed", Level = LogLevel.Information,
        Message = "SNS confirmed that the subscription to topic {Topic} was removed")]
    public static partial void Unsubscribed(ILogger logger, string topic);
}
