using System.Diagnostics.Metrics;

namespace ServiceAuth.Client.Diagnostics;

/// <summary>
/// The credential cache's instruments on the <c>ServiceAuth.Client</c> meter: STS AssumeRole calls and their
/// latency and outcome, cache hits, refreshes (background or blocking) and invalidations. Tags carry outcomes and AWS
/// error codes only; never a role session's keys or tokens.
/// </summary>
internal sealed class CredentialsMetrics
{
    private static CredentialsMetrics? s_shared;

    private readonly Histogram<double> _assumeRoleDuration;
    private readonly Counter<long> _cacheHits;
    private readonly Counter<long> _refreshes;
    private readonly Counter<long> _invalidations;
    private readonly Counter<long> _evictions;

    public CredentialsMetrics(IMeterFactory meterFactory)
        : this(ServiceAuthTelemetry.CreateMeter(meterFactory))
    {
    }

    private CredentialsMetrics(Meter meter)
    {
        _assumeRoleDuration = meter.CreateHistogram<double>(
            "serviceauth.sts.assume_role.duration", "s", "Duration of each STS AssumeRole attempt; error.type names the AWS error code or exception type of a failed one.");
        _cacheHits = meter.CreateCounter<long>(
            "serviceauth.credentials.cache.hits", "{lookup}", "Credential lookups answered from the cache without waiting.");
        _refreshes = meter.CreateCounter<long>(
            "serviceauth.credentials.refreshes", "{refresh}", "Credential refreshes started, by mode (background or blocking).");
        _invalidations = meter.CreateCounter<long>(
            "serviceauth.credentials.invalidations", "{invalidation}", "Cached credentials dropped because a target rejected them.");
        _evictions = meter.CreateCounter<long>(
            "serviceauth.credentials.cache.evictions", "{entry}", "Assume-role cache entries evicted, by reason (idle or size); their STS clients are disposed.");
    }

    /// <summary>The fallback on the static meter, for code constructed without dependency injection.</summary>
    public static CredentialsMetrics Shared => LazyInitializer.EnsureInitialized(ref s_shared, static () => new CredentialsMetrics(ServiceAuthTelemetry.FallbackMeter));

    public void Evicted(string reason) => _evictions.Add(1, new KeyValuePair<string, object?>("reason", reason));

    /// <summary>Records one attempt, in seconds; <paramref name="errorType"/> is <see langword="null"/> on success (the
    /// OpenTelemetry convention: <c>error.type</c> is present exactly when the operation failed).</summary>
    public void RecordAssumeRole(TimeSpan duration, string? errorType)
    {
        if (_assumeRoleDuration.Enabled)
        {
            if (errorType is null)
            {
                _assumeRoleDuration.Record(duration.TotalSeconds);
            }
            else
            {
                _assumeRoleDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("error.type", errorType));
            }
        }
    }

    public void CacheHit()
    {
        if (_cacheHits.Enabled)
        {
            _cacheHits.Add(1);
        }
    }

    public void RefreshStarted(bool background) => _refreshes.Add(1, new KeyValuePair<string, object?>("mode", background ? "background" : "blocking"));

    public void Invalidated() => _invalidations.Add(1);
}
