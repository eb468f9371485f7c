using Microsoft.Extensions.Logging;

namespace ServiceAuth.Client.Diagnostics;

/// <summary>IAM identity token messages of the caller side, event ids 800–819 (820–859 belong to the verifier in
/// ServiceAuth.Client.AspNetCore). Never the token.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 800, EventName = "IdentityTokenMinted", Level = LogLevel.Debug,
        Message = "Minted an IAM identity token for client '{ClientName}', audience '{Audience}', STS region {Region} (challenge-bound: {ChallengeBound})")]
    public static partial void IdentityTokenMinted(ILogger logger, string clientName, string audience, string region, bool challengeBound);

    [LoggerMessage(EventId = 801, EventName = "IdentityTokenRefusedInsecure", Level = LogLevel.Warning,
        Message = "IAM identity token client '{ClientName}' refused to send a token over plain HTTP to '{Host}'")]
    public static partial void IdentityTokenRefusedInsecure(ILogger logger, string clientName, string host);
}
