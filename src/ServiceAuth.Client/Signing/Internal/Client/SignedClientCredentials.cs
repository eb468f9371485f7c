using System.Collections.Concurrent;
using Amazon.Runtime;
using Microsoft.Extensions.Options;
using ServiceAuth.Client.Credentials.Internal;
using ServiceAuth.Client.Signing.Internal;

namespace ServiceAuth.Client.Signing.Internal.Client;

/// <summary>The credentials of each signed client, resolved once per client name and kept for the container's life, so
/// handler rotation never loses a credential cache.</summary>
internal sealed class SignedClientCredentials(IOptionsMonitor<SignedHttpClientOptions> options, CredentialsResolver resolver)
{
    private readonly ConcurrentDictionary<string, AWSCredentials> _byClient = new(StringComparer.Ordinal);

    public AWSCredentials Get(string clientName) => _byClient.GetOrAdd(clientName, Create);

    private AWSCredentials Create(string clientName)
    {
        SignedHttpClientOptions o = options.Get(clientName);
        return resolver.Resolve(clientName, o.Credentials, o.AssumeRole, SigningSettings.From(o).Region);
    }
}
