using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using ServiceAuth.Client.Caching.Internal;
using ServiceAuth.Client.ClientCredentials.Internal;

namespace ServiceAuth.Client;

/// <summary>Fleet sharing for <c>AddClientCredentialsToken</c>: one access token per lifetime across processes.</summary>
public static class ClientCredentialsDistributedCacheServiceCollectionExtensions
{
    /// <summary>
    /// Makes every client-credentials token cache of this container share its tokens through the registered
    /// <see cref="IDistributedCache"/> (register one, e.g. <c>AddStackExchangeRedisCache</c>): a cold or refreshing entry
    /// reads the shared token first and asks the token endpoint only when there is none it can use; a fetched token is
    /// shared, written behind the caller, until its refresh-ahead time. Entries are keyed by a keyed hash of the
    /// registration and its secret (never the secret), and encrypted with ASP.NET Core Data Protection bound to their key
    /// (<c>AddDataProtection</c> is called; configure a key ring and application name shared by the fleet, or processes
    /// cannot read each other's entries). A token a target refused is never taken from the shared cache again. A
    /// distributed cache failure never fails a request: the token endpoint is asked and a warning logged. When an
    /// <c>IConnectionMultiplexer</c> (StackExchange.Redis) is registered, a cold or refreshing fleet makes one token request:
    /// a lease in Redis lets one process fetch while the others wait, at most 10 seconds, for its shared token (docs/oauth.md).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddClientCredentialsDistributedCache(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddDataProtection();
        services.TryAddSingleton<ISharedTokenStore>(provider => provider.GetRequiredService<DistributedTokenStore>());
        services.TryAddSingleton(provider => new DistributedTokenStore(
            provider.GetRequiredService<IDistributedCache>(),
            new SharedTokenProtector(provider.GetRequiredService<IDataProtectionProvider>()),
            provider.GetService<TimeProvider>(),
            provider.GetService<ILoggerFactory>(),
            FleetLease.From(provider)));
        return services;
    }
}
