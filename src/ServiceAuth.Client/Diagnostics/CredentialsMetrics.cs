using System.Diagnostics.Metrics;

namespace ServiceAuth.Client.Diagnostics;

/// <summary>
/// The credential cache's instruments on <see cref="ServiceAuthTelemetry.Meter"/>: STS AssumeRole calls and their
/// latency and outcome, cache hits, refreshes (background or blocking) and invalidations. Tags carry outcomes and AWS
/// error codes only; never a role session's keys or tokens.
/// </summary>
internal static class CredentialsMetrics
{
    private static readonly Histogram<double> AssumeRoleDuration = ServiceAuthTelemetry.Meter.CreateHistogram<double>(
        "serviceauth.sts.assume_role.duration", "s", "Duration of each STS AssumeRole attempt; error.type names the AWS error code or exception type of a failed one.");

    private static readonly Counter<long> CacheHits = ServiceAuthTelemetry.Meter.CreateCounter<long>(
        "serviceauth.credentials.cache.hits", "{lookup}", "Credential lookups answered from the cache without waiting.");

    private static readonly Counter<long> Refreshes = ServiceAuthTelemetry.Meter.CreateCounter<long>(
        "serviceauth.credentials.refreshes", "{refresh}", "Credential refreshes started, by mode (background or blocking).");

    private static readonly Counter<long> Invalidations = ServiceAuthTelemetry.Meter.CreateCounter<long>(
        "serviceauth.credentials.invalidations", "{invalidation}", "Cached credentials dropped because a target rejected them.");

    private static readonly Counter<long> Evictions = ServiceAuthTelemetry.Meter.CreateCounter<long>(
        "serviceauth.credentials.cache.evictions", "{entry}", "Assume-role cache entries evicted, by reason (idle or size); their STS clients are disposed.");

    public static void Evicted(string reason) => Evictions.Add(1, new KeyValuePair<string, object?>("reason", reason));

    /// <summary>Records one attempt, in seconds; <paramref name="errorType"/> is <see langword="null"/> on success (the
    /// OpenTelemetry convention: <c>error.type</c> is present exactly when the operation failed).</summary>
    public static void RecordAssumeRole(TimeSpan duration, string? errorType)
    {
        if (AssumeRoleDuration.Enabled)
        {
            if (errorType is null)
            {
                AssumeRoleDuration.Record(duration.TotalSeconds);
            }
            else
            {
                AssumeRoleDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("error.type", errorType));
            }
        }
    }

    public static void CacheHit()
    {
        if (CacheHits.Enabled)
        {
            CacheHits.Add(1);
        }
    }

    public static void RefreshStarted(bool background) => Refreshes.Add(1, new KeyValuePair<string, object?>("mode", background ? "background" : "blocking"));

    public static void Invalidated() => Invalidations.Add(1);
}
