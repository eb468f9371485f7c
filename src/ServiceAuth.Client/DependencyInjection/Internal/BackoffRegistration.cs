using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServiceAuth.Client.Protocol.Internal;

namespace ServiceAuth.Client.DependencyInjection.Internal;

/// <summary>Registers the container's one <see cref="FullJitterBackoff"/>, on its <see cref="TimeProvider"/> (the
/// system clock when none is registered) and its <see cref="IRandomizer"/> (the shared one when none is), for the retry
/// handler and the SNS and EventBridge batch rounds. Idempotent.</summary>
internal static class BackoffRegistration
{
    public static IServiceCollection AddFullJitterBackoff(this IServiceCollection services)
    {
        services.TryAddSingleton(static provider => new FullJitterBackoff(
            provider.GetService<TimeProvider>() ?? TimeProvider.System,
            provider.GetService<IRandomizer>() ?? SystemRandomizer.Shared));
        return services;
    }
}
