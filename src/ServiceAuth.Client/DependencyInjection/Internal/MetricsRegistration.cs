using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServiceAuth.Client.Diagnostics;

namespace ServiceAuth.Client.DependencyInjection.Internal;

/// <summary>Registers the metrics classes as container singletons created from the container's
/// <see cref="IMeterFactory"/> (<c>AddMetrics</c> adds the default factory unless one is registered), so each container
/// has its own <c>ServiceAuth.Client</c> meter, disposed with it. Idempotent.</summary>
internal static class MetricsRegistration
{
    public static IServiceCollection AddServiceAuthMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton(static provider => new CredentialsMetrics(provider.GetRequiredService<IMeterFactory>()));
        services.TryAddSingleton(static provider => new RetryMetrics(provider.GetRequiredService<IMeterFactory>()));
        services.TryAddSingleton(static provider => new ClockSkewMetrics(provider.GetRequiredService<IMeterFactory>()));
        services.TryAddSingleton(static provider => new TokenMetrics(provider.GetRequiredService<IMeterFactory>()));
        services.TryAddSingleton(static provider => new MessagingMetrics(provider.GetRequiredService<IMeterFactory>()));
        return services;
    }
}
