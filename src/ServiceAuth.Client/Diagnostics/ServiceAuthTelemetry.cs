using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ServiceAuth.Client.Diagnostics;

/// <summary>
/// The names under which ServiceAuth.Client reports: one <see cref="System.Diagnostics.Metrics.Meter"/> and one
/// <see cref="System.Diagnostics.ActivitySource"/>, both named <c>ServiceAuth.Client</c>. Instruments and activities are
/// listed in docs/telemetry.md.
/// </summary>
public static class ServiceAuthTelemetry
{
    /// <summary>The name of the meter and of the activity source: <c>ServiceAuth.Client</c>.</summary>
    public const string Name = "ServiceAuth.Client";

    internal static readonly Meter Meter = new(Name, typeof(ServiceAuthTelemetry).Assembly.GetName().Version?.ToString());

    internal static readonly ActivitySource ActivitySource = new(Name, typeof(ServiceAuthTelemetry).Assembly.GetName().Version?.ToString());
}
