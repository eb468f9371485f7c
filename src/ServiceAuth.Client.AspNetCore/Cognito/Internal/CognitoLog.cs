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

    [LoggerMessage(EventId = 552, EventName = "CognitoKeysRefreshed", Level = LogLevel.Information,
        Message = "Scheme {Scheme} accepted a token signed by a key that was not cached yet, after fetching the pool's keys again")]
    public static partial void KeysRefreshed(ILogger logger, string scheme);
}
