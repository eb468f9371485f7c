using Microsoft.Extensions.Logging;

namespace ServiceAuth.Client.AspNetCore.TokenPropagation.Internal;

/// <summary>Bearer token propagation messages, event ids 570–579. Hosts only: never a token.</summary>
internal static partial class PropagationLog
{
    [LoggerMessage(EventId = 570, EventName = "PropagationHostNotAllowed", Level = LogLevel.Warning,
        Message = "Did not forward the caller's bearer token to {Host}: the host is not in AllowedHosts")]
    public static partial void HostNotAllowed(ILogger logger, string host);

    [LoggerMessage(EventId = 571, EventName = "PropagationInsecureScheme", Level = LogLevel.Warning,
        Message = "Did not forward the caller's bearer token to {Host} over plain http://; use https:// or set AllowInsecureHttp")]
    public static partial void InsecureScheme(ILogger logger, string host);

    [LoggerMessage(EventId = 572, EventName = "PropagationNoInboundToken", Level = LogLevel.Debug,
        Message = "No inbound bearer token to forward to {Host}")]
    public static partial void NoInboundToken(ILogger logger, string host);

    [LoggerMessage(EventId = 573, EventName = "PropagationIdentityTokenNotForwarded", Level = LogLevel.Warning,
        Message = "Did not forward the caller's bearer token to {Host}: it is an IAM identity token for this service's audience, which is never propagated")]
    public static partial void IdentityTokenNotForwarded(ILogger logger, string host);
}
