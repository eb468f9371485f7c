using System.Diagnostics.Metrics;

namespace ServiceAuth.Client.Diagnostics;

/// <summary>
/// The access token cache's instruments on <see cref="ServiceAuthTelemetry.Meter"/>: token requests (Amazon Cognito bills
/// each machine-to-machine token request, so this counter is the bill), their latency, tokens dropped on a target's
/// <c>invalid_token</c>, and requests sent again with a fresh token. Durations are in seconds and failures carry
/// <c>error.type</c>, as the OpenTelemetry semantic conventions ask; tags carry client ids and OAuth error codes only.
/// </summary>
internal static class TokenMetrics
{
    private static readonly Counter<long> Requests = ServiceAuthTelemetry.Meter.CreateCounter<long>(
        "serviceauth.oauth.token_requests", "{request}", "Token requests sent to the token endpoint, by client id; failures carry error.type.");

    private static readonly Histogram<double> Duration = ServiceAuthTelemetry.Meter.CreateHistogram<double>(
        "serviceauth.oauth.token_request.duration", "s", "Duration of each token request; failures carry error.type.");

    private static readonly Counter<long> Invalidations = ServiceAuthTelemetry.Meter.CreateCounter<long>(
        "serviceauth.oauth.token.invalidations", "{invalidation}", "Cached access tokens dropped because a target answered invalid_token.");

    private static readonly Counter<long> Resends = ServiceAuthTelemetry.Meter.CreateCounter<long>(
        "serviceauth.oauth.resends", "{request}", "Requests sent once more with a fresh token after an invalid_token answer.");

    /// <summary>Records one token request; <paramref name="errorType"/> is <see langword="null"/> on success, otherwise
    /// the OAuth error code (e.g. <c>invalid_client</c>) or the HTTP status code.</summary>
    public static void Requested(string clientId, TimeSpan duration, string? errorType)
    {
        var clientTag = new KeyValuePair<string, object?>("oauth.client_id", clientId);
        if (errorType is null)
        {
            Requests.Add(1, clientTag);
            if (Duration.Enabled)
            {
                Duration.Record(duration.TotalSeconds, clientTag);
            }

            return;
        }

        var errorTag = new KeyValuePair<string, object?>("error.type", errorType);
        Requests.Add(1, clientTag, errorTag);
        if (Duration.Enabled)
        {
            Duration.Record(duration.TotalSeconds, clientTag, errorTag);
        }
    }

    public static void Invalidated() => Invalidations.Add(1);

    public static void Resent() => Resends.Add(1);
}
