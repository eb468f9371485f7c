using Amazon.SecurityToken;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using ServiceAuth.Client.Credentials;
using ServiceAuth.Client.Credentials.Internal;
using ServiceAuth.Client.DependencyInjection.Internal;
using ServiceAuth.Client.Diagnostics;

namespace ServiceAuth.Client;

/// <summary>Registers the assume-role credential cache that signed clients and AWS SDK clients share.</summary>
public static class AssumeRoleServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IAssumeRoleCredentialsProvider"/>, the container's single assume-role credential cache: one
    /// entry per (source credentials, role, session parameters), refreshed ahead of expiry in the background, shared by
    /// every signed HttpClient and every AWS SDK client given its credentials. Idempotent; <c>AddSignedHttpClient</c>
    /// calls it.
    /// </summary>
    /// <param name="services">The <see cref="IServiceCollection"/>.</param>
    /// <returns>The <see cref="IServiceCollection"/> so that additional calls can be chained.</returns>
    public static IServiceCollection AddAssumeRoleCredentials(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddServiceAuthMetrics();
        services.TryAddSingleton<IStsClientFactory, StsClientFactory>();
        services.TryAddSingleton(provider => new AssumeRoleCredentialsProvider(
            provider.GetRequiredService<IStsClientFactory>(),
            provider.GetService<TimeProvider>(),
            provider.GetService<ILoggerFactory>(),
            provider.GetService<StsCallSettings>(),
            provider.GetRequiredService<CredentialsMetrics>()));
        services.TryAddSingleton<IAssumeRoleCredentialsProvider>(provider => provider.GetRequiredService<AssumeRoleCredentialsProvider>());
        services.TryAddSingleton<CredentialsResolver>();
        return services;
    }

    /// <summary>
    /// Configures the AWS SDK STS clients the assume-role cache creates: proxy (<c>SetWebProxy</c>), timeouts
    /// (<c>Timeout</c>), FIPS or dual-stack endpoints (<c>UseFIPSEndpoint</c>, <c>UseDualstackEndpoint</c>), an
    /// <c>HttpClientFactory</c>, a <c>ServiceURL</c>, and so on. Applied in registration order to every STS client, before
    /// the library sets the endpoint and turns the SDK's own retries off (the cache retries STS itself): the endpoint is
    /// <see cref="AssumeRoleOptions.StsEndpoint"/>, else a <c>ServiceURL</c> set here, else the role's regional endpoint.
    /// May be called several times.
    /// </summary>
    /// <param name="services">The <see cref="IServiceCollection"/>.</param>
    /// <param name="configure">A delegate that configures an <see cref="AmazonSecurityTokenServiceConfig"/>.</param>
    /// <returns>The <see cref="IServiceCollection"/> so that additional calls can be chained.</returns>
    public static IServiceCollection ConfigureStsClient(this IServiceCollection services, Action<AmazonSecurityTokenServiceConfig> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddSingleton(new StsClientConfigurator(configure));
        return services.AddAssumeRoleCredentials();
    }
}
