using System.Diagnostics.Metrics;

namespace ServiceAuth.Client.Diagnostics;

/// <summary>
/// The access token cache's instruments on <see cref="ServiceAuthTelemetry.Meter"/>: token requests (Amazon Cognito bills
/// each machine-to-machine token request, so this counter is the bill), their latency, tokens dropped on a target's
/// <c>invalid_token</c>, and requests sent again with a fresh token. Tags carry client ids, outcomes and OAuth error codes only.
/// </summary>
internal static class TokenMetrics
{
    private static readonly Counter<long> Requests = ServiceAuthTelemetry.Meter.CreateCounter<long>(
        "serviceauth.oauth.token_requests", "{request}", "Token requests sent to the token endpoint, by client id, outcome and OAuth error code.");

    private static readonly Histogram<double> Duration = ServiceAuthTelemetry.Meter.CreateHistogram<double>(
        "serviceauth.oauth.token_request.duration", "ms", "Duration of each token request, by outcome.");

    private static readonly Counter<long> Invalidations = ServiceAuthTelemetry.Meter.CreateCounter<long>(
        "serviceauth.oauth.token.invalidations", "{invalidation}", "Cached access tokens dropped because a target answered invalid_token.");

    private static readonly Counter<long> Resends = ServiceAuthTelemetry.Meter.CreateCounter<long>(
        "serviceauth.oauth.resends", "{request}", "Requests sent once more with a fresh token after an invalid_token answer.");

    public static void Requested(string clientId, TimeSpan duration, string outcome, string? errorCode)
    {
        var clientTag = new KeyValuePair<string, object?>("oauth.client_id", clientId);
        var outcomeTag = new KeyValuePair<string, object?>("outcome", outcome);
        var errorTag = new KeyValuePair<string, object?>("error.code", errorCode ?? string.Empty);
        Requests.Add(1, clientTag, outcomeTag, errorTag);
        if (Duration.Enabled)
        {
            Duration.Record(duration.TotalMilliseconds, clientTag, outcomeTag, errorTag);
        }
    }

    public static void Invalidated() => Invalidations.Add(1);

    public static void Resent() => Resends.Add(1);
}
