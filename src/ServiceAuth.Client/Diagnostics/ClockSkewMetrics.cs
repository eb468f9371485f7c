using System.Diagnostics.Metrics;

namespace ServiceAuth.Client.Diagnostics;

/// <summary>Clock-skew corrections of the signing handler, on the <c>ServiceAuth.Client</c> meter. A container singleton
/// created from its <see cref="IMeterFactory"/>; <see cref="Shared"/> serves code constructed without one.</summary>
internal sealed class ClockSkewMetrics
{
    private static ClockSkewMetrics? s_shared;

    private readonly Counter<long> _corrections;

    public ClockSkewMetrics(IMeterFactory meterFactory)
        : this(ServiceAuthTelemetry.CreateMeter(meterFactory))
    {
    }

    private ClockSkewMetrics(Meter meter)
    {
        _corrections = meter.CreateCounter<long>(
            "serviceauth.signing.clock_skew_corrections", "{correction}", "Clock offsets recorded for an endpoint after a skew error.");
    }

    /// <summary>The fallback on the static meter, for code constructed without dependency injection.</summary>
    public static ClockSkewMetrics Shared => LazyInitializer.EnsureInitialized(ref s_shared, static () => new ClockSkewMetrics(ServiceAuthTelemetry.FallbackMeter));

    public void Corrected() => _corrections.Add(1);
}
