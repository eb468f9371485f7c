using System.Diagnostics.Metrics;

namespace ServiceAuth.Client.Diagnostics;

/// <summary>Clock-skew corrections of the signing handler, on <see cref="ServiceAuthTelemetry.Meter"/>.</summary>
internal static class ClockSkewMetrics
{
    private static readonly Counter<long> Corrections = ServiceAuthTelemetry.Meter.CreateCounter<long>(
        "serviceauth.signing.clock_skew_corrections", "{correction}", "Clock offsets recorded for an endpoint after a skew error.");

    public static void Corrected() => Corrections.Add(1);
}
