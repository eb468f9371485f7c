using System.Collections.Concurrent;
using Amazon;
using Amazon.Runtime;
using Amazon.SecurityToken;

namespace ServiceAuth.Client.Credentials.Internal;

/// <summary>
/// Creates <see cref="AmazonSecurityTokenServiceClient"/>s with their own retries off (our Polly pipeline retries),
/// always for a regional endpoint or the configured endpoint URL, and keeps one per (source, region, endpoint).
/// </summary>
internal sealed class StsClientFactory(IEnumerable<StsClientConfigurator> configurators) : IStsClientFactory, IDisposable
{
    private readonly StsClientConfigurator[] _configurators = [.. configurators];

    public StsClientFactory()
        : this([])
    {
    }

    private readonly ConcurrentDictionary<(AWSCredentials Source, string Region, Uri? Endpoint), Lazy<IAmazonSecurityTokenService>> _clients = new();

    public IAmazonSecurityTokenService Get(AWSCredentials source, string region, Uri? endpoint) =>
        _clients.GetOrAdd((source, region, endpoint), key => new Lazy<IAmazonSecurityTokenService>(() => Create(key.Source, key.Region, key.Endpoint))).Value;

    public void Release(AWSCredentials source, string region, Uri? endpoint)
    {
        if (_clients.TryRemove((source, region, endpoint), out Lazy<IAmazonSecurityTokenService>? client) && client.IsValueCreated)
        {
            client.Value.Dispose();
        }
    }

    public void Dispose()
    {
        foreach (Lazy<IAmazonSecurityTokenService> client in _clients.Values)
        {
            if (client.IsValueCreated)
            {
                client.Value.Dispose();
            }
        }

        _clients.Clear();
    }

    internal static AmazonSecurityTokenServiceConfig CreateConfig(string region, Uri? endpoint, IReadOnlyList<StsClientConfigurator>? configurators = null)
    {
        var config = new AmazonSecurityTokenServiceConfig();
        foreach (StsClientConfigurator configurator in configurators ?? [])
        {
            configurator.Configure(config);
        }

        config.MaxErrorRetry = 0; // our Polly pipeline retries STS; the SDK's retries would multiply it
        if (endpoint is null && !string.IsNullOrEmpty(config.ServiceURL))
        {
            // A ServiceURL set through ConfigureStsClient wins: setting the region endpoint now would silently clear it
            // and send AssumeRole (signed with the source credentials) to AWS instead of the configured endpoint.
            config.AuthenticationRegion ??= region;
        }
        else if (endpoint is null)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }
        else
        {
            config.ServiceURL = endpoint.AbsoluteUri;
            config.AuthenticationRegion = region;
        }

        return config;
    }

    private AmazonSecurityTokenServiceClient Create(AWSCredentials source, string region, Uri? endpoint) =>
        new(source, CreateConfig(region, endpoint, _configurators));
}
