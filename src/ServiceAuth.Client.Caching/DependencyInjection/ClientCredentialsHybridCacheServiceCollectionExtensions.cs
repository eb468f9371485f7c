using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using ServiceAuth.Client.Caching.Internal;
using ServiceAuth.Client.ClientCredentials.Internal;

namespace ServiceAuth.Client;

/// <summary>Fleet sharing for <c>AddClientCredentialsToken</c>: one access token per lifetime across processes.</summary>
public static class ClientCredentialsHybridCacheServiceCollectionExtensions
{
    /// <summary>
    /// Makes every client-credentials token cache of this container share its tokens through <see cref="HybridCache"/>'s
    /// distributed cache (register one, e.g. <c>AddStackExchangeRedisCache</c>): a cold or refreshing entry reads the
    /// shared token first and asks the token endpoint only when there is none; a fetched token is shared until its
    /// refresh-ahead time. Tokens are encrypted with ASP.NET Core Data Protection (<c>AddDataProtection</c> is called;
    /// configure a key ring and application name shared by the fleet, or processes cannot read each other's entries).
    /// A distributed cache failure never fails a request: the token endpoint is asked and a warning logged.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddClientCredentialsHybridCache(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddDataProtection();
        services.AddHybridCache().AddSerializer<AccessToken, ProtectedAccessTokenSerializer>();
        services.TryAddSingleton<ISharedTokenStore>(provider => new HybridTokenStore(
            provider.GetRequiredService<HybridCache>(), provider.GetService<TimeProvider>(), provider.GetService<ILoggerFactory>()));
        return services;
    }
}
