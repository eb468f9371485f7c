using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using ServiceAuth.Client.Diagnostics;

namespace ServiceAuth.Client.Tests.Diagnostics;

/// <summary>Collectors of one instrument on the <c>ServiceAuth.Client</c> meter of a container's
/// <see cref="IMeterFactory"/>, and on the static fallback meter (scope <see langword="null"/>).</summary>
public static class ContainerMeter
{
    public static MetricCollector<T> Collect<T>(IServiceProvider services, string instrument)
        where T : struct =>
        new(services.GetRequiredService<IMeterFactory>(), ServiceAuthTelemetry.Name, instrument);

    public static MetricCollector<T> CollectFallback<T>(string instrument)
        where T : struct =>
        new((object?)null, ServiceAuthTelemetry.Name, instrument);
}
