using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using ServiceAuth.Client.Caching.Internal;
using ServiceAuth.Client.IntegrationTests.Testing;

namespace ServiceAuth.Client.IntegrationTests.Caching;

/// <summary>One "process" of a fleet: a service provider with fleet sharing over Redis (or a given distributed cache), a
/// key ring shared through <c>keys</c>, and an HttpClient "orders" whose requests carry a client-credentials token.</summary>
public static class FleetProcess
{
    public static ServiceProvider Start(
        CognitoFixture f, DirectoryInfo keys, CapturingHandler target, RedisServer? redis = null, FakeLoggerProvider? logs = null,
        string? clientId = null, string? clientSecret = null, IDistributedCache? cache = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(builder => builder.AddProvider(logs ?? new FakeLoggerProvider()).SetMinimumLevel(LogLevel.Debug));
        if (cache is not null)
        {
            services.AddSingleton(cache);
        }
        else
        {
            services.AddStackExchangeRedisCache(o => o.Configuration = redis!.Configuration);
        }

        services.AddDataProtection().SetApplicationName("fleet-sharing-tests").PersistKeysToFileSystem(keys);
        services.AddClientCredentialsDistributedCache();
        services.AddHttpClient("orders").ConfigurePrimaryHttpMessageHandler(() => target).AddClientCredentialsToken(o =>
        {
            o.TokenEndpoint = f.Pool.TokenEndpoint;
            o.ClientId = clientId ?? f.Reader.ClientId;
            o.ClientSecret = clientSecret ?? f.Reader.ClientSecret;
            o.Scopes.Add("orders/read");
        });
        return services.BuildServiceProvider();
    }

    /// <summary>Waits for the shared write the process started behind its last caller.</summary>
    public static Task WrittenAsync(ServiceProvider provider) => provider.GetRequiredService<DistributedTokenStore>().LastWrite;

    public static async Task<HttpResponseMessage> CallAsync(ServiceProvider provider)
    {
        HttpClient client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("orders");
        return await client.GetAsync(new Uri("https://orders.example/orders/1"));
    }
}
