using Microsoft.Extensions.Logging;

namespace ServiceAuth.Client.AspNetCore.Cognito.Internal;

/// <summary>Cognito validation messages, event ids 550–569. Reasons, client ids and scopes only: never a token.</summary>
internal static partial class CognitoLog
{
    [LoggerMessage(EventId = 550, EventName = "CognitoTokenRefused", Level = LogLevel.Information,
        Message = "Scheme {Scheme} refused a bearer token (401): {Reason}")]
    public static partial void TokenRefused(ILogger logger, string scheme, string reason);

    [LoggerMessage(EventId = 551, EventName = "CognitoScopeMissing", Level = LogLevel.Information,
        Message = "Caller {Caller} is forbidden (403): the route needs one of the scopes '{Required}', the token has '{Granted}'")]
    public static partial void ScopeMissing(ILogger logger, string caller, string required, string granted);
}
