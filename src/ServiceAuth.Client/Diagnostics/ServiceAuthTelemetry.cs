using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ServiceAuth.Client.Diagnostics;

/// <summary>
/// The names under which ServiceAuth.Client reports: one <see cref="System.Diagnostics.Metrics.Meter"/> and one
/// <see cref="System.Diagnostics.ActivitySource"/>, both named <c>ServiceAuth.Client</c>. Instruments and activities are
/// listed in docs/telemetry.md. With dependency injection the meter is created through the container's
/// <see cref="IMeterFactory"/>.
/// </summary>
public static class ServiceAuthTelemetry
{
    /// <summary>The name of the meter and of the activity source: <c>ServiceAuth.Client</c>.</summary>
    public const string Name = "ServiceAuth.Client";

    internal static readonly string? Version = typeof(ServiceAuthTelemetry).Assembly.GetName().Version?.ToString();

    internal static readonly ActivitySource ActivitySource = new(Name, Version);

    private static Meter? s_fallbackMeter;

    /// <summary>The meter of code constructed without dependency injection (a <c>SigV4DelegatingHandler</c> made with
    /// <c>new</c>): created on first use, never disposed. With DI, meters come from <see cref="CreateMeter"/>.</summary>
    internal static Meter FallbackMeter => LazyInitializer.EnsureInitialized(ref s_fallbackMeter, static () => new Meter(Name, Version));

    /// <summary>The <c>ServiceAuth.Client</c> meter of a container: the factory caches it by name and version, so every
    /// metrics class of one container records on the same meter, and disposes it with the container.</summary>
    internal static Meter CreateMeter(IMeterFactory meterFactory) => meterFactory.Create(new MeterOptions(Name) { Version = Version });
}
