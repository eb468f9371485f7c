using System.Collections.Concurrent;
using Amazon.Runtime;
using Microsoft.Extensions.Options;
using ServiceAuth.Client.Credentials.Internal;

namespace ServiceAuth.Client.DependencyInjection.Internal;

/// <summary>The credentials of each signed client, created once per client name and kept for the container's life, so
/// handler rotation never loses a credential cache.</summary>
internal sealed class SignedClientCredentials(IOptionsMonitor<SignedHttpClientOptions> options, IServiceProvider services)
{
    private readonly ConcurrentDictionary<string, AWSCredentials> _byClient = new(StringComparer.Ordinal);

    public AWSCredentials Get(string clientName) => _byClient.GetOrAdd(clientName, Create);

    private AWSCredentials Create(string clientName)
    {
        SignedHttpClientOptions o = options.Get(clientName);
        AWSCredentials source = o.Credentials ?? DefaultChainCredentials.Instance;
        if (o.AssumeRole is null)
        {
            return source;
        }

        var provider = (IAssumeRoleCredentialsProvider?)services.GetService(typeof(IAssumeRoleCredentialsProvider))
            ?? throw new ServiceAuthException("AssumeRole is configured but the assume-role credential cache is not registered.");
        string region = o.Region ?? Signing.Internal.SigningSettings.From(o).Region
            ?? throw new ServiceAuthException($"Signed client '{clientName}': no region for STS; set AssumeRole.StsRegion or Region.");
        return provider.GetCredentials(o.AssumeRole, source, region);
    }
}
