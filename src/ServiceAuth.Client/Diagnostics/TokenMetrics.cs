using System.Diagnostics.Metrics;

namespace ServiceAuth.Client.Diagnostics;

/// <summary>
/// The access token cache's instruments on the <c>ServiceAuth.Client</c> meter: token requests (Amazon Cognito bills
/// each machine-to-machine token request, so this counter is the bill), their latency, tokens dropped on a target's
/// <c>invalid_token</c>, and requests sent again with a fresh token. Durations are in seconds and failures carry
/// <c>error.type</c>, as the OpenTelemetry semantic conventions ask; tags carry client ids and OAuth error codes only.
/// </summary>
internal sealed class TokenMetrics
{
    private static TokenMetrics? s_shared;

    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _invalidations;
    private readonly Counter<long> _resends;

    public TokenMetrics(IMeterFactory meterFactory)
        : this(ServiceAuthTelemetry.CreateMeter(meterFactory))
    {
    }

    private TokenMetrics(Meter meter)
    {
        _requests = meter.CreateCounter<long>(
            "serviceauth.oauth.token_requests", "{request}", "Token requests sent to the token endpoint, by client id; failures carry error.type.");
        _duration = meter.CreateHistogram<double>(
            "serviceauth.oauth.token_request.duration", "s", "Duration of each token request; failures carry error.type.");
        _invalidations = meter.CreateCounter<long>(
            "serviceauth.oauth.token.invalidations", "{invalidation}", "Cached access tokens dropped because a target answered invalid_token.");
        _resends = meter.CreateCounter<long>(
            "serviceauth.oauth.resends", "{request}", "Requests sent once more with a fresh token after an invalid_token answer.");
    }

    /// <summary>The fallback on the static meter, for code constructed without dependency injection.</summary>
    public static TokenMetrics Shared => LazyInitializer.EnsureInitialized(ref s_shared, static () => new TokenMetrics(ServiceAuthTelemetry.FallbackMeter));

    /// <summary>Records one token request; <paramref name="errorType"/> is <see langword="null"/> on success, otherwise
    /// the OAuth error code (e.g. <c>invalid_client</c>) or the HTTP status code.</summary>
    public void Requested(string clientId, TimeSpan duration, string? errorType)
    {
        var clientTag = new KeyValuePair<string, object?>("oauth.client_id", clientId);
        if (errorType is null)
        {
            _requests.Add(1, clientTag);
            if (_duration.Enabled)
            {
                _duration.Record(duration.TotalSeconds, clientTag);
            }

            return;
        }

        var errorTag = new KeyValuePair<string, object?>("error.type", errorType);
        _requests.Add(1, clientTag, errorTag);
        if (_duration.Enabled)
        {
            _duration.Record(duration.TotalSeconds, clientTag, errorTag);
        }
    }

    public void Invalidated() => _invalidations.Add(1);

    public void Resent() => _resends.Add(1);
}
