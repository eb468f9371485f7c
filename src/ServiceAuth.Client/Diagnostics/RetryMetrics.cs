using System.Diagnostics.Metrics;

namespace ServiceAuth.Client.Diagnostics;

/// <summary>Requests sent again, on the <c>ServiceAuth.Client</c> meter: by the AWS retry handler (reason
/// <c>throttling</c> or <c>transient</c>) or by the signing handler's one recovery resend (<c>rejected_credentials</c> or
/// <c>clock_skew</c>). A container singleton created from its <see cref="IMeterFactory"/>; <see cref="Shared"/> serves
/// code constructed without one.</summary>
internal sealed class RetryMetrics
{
    private static RetryMetrics? s_shared;

    private readonly Counter<long> _retries;

    public RetryMetrics(IMeterFactory meterFactory)
        : this(ServiceAuthTelemetry.CreateMeter(meterFactory))
    {
    }

    private RetryMetrics(Meter meter)
    {
        _retries = meter.CreateCounter<long>(
            "serviceauth.http.retries", "{retry}", "Signed requests sent again by the AWS retry handler or the signing handler, by reason.");
    }

    /// <summary>The fallback on the static meter, for code constructed without dependency injection.</summary>
    public static RetryMetrics Shared => LazyInitializer.EnsureInitialized(ref s_shared, static () => new RetryMetrics(ServiceAuthTelemetry.FallbackMeter));

    public void Retried(string reason) => _retries.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
