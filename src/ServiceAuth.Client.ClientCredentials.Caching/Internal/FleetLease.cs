using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace ServiceAuth.Client.Caching.Internal;

/// <summary>The lease of a container: a registered <see cref="ISharedTokenLease"/>, else one over the registered
/// <see cref="IConnectionMultiplexer"/>, else none (no fleet single flight: each process asks on a miss).</summary>
internal static class FleetLease
{
    public static ISharedTokenLease? From(IServiceProvider provider) =>
        provider.GetService<ISharedTokenLease>()
        ?? (provider.GetService<IConnectionMultiplexer>() is { } redis ? new RedisTokenLease(redis) : null);
}
