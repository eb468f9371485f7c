using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace ServiceAuth.Client.Credentials.Internal;

/// <summary>Resolves what a client signs with: its own credentials (else an <see cref="AWSCredentials"/> registered in
/// DI, as the AWS SDK's <c>AddAWSService</c> honours, else AWSSDK.Core's default chain), or, when it assumes a role, the
/// container's cached assumed-role credentials for that role and that source.</summary>
internal sealed class CredentialsResolver(IServiceProvider services)
{
    public AWSCredentials Resolve(string clientName, AWSCredentials? credentials, AssumeRoleOptions? role, string? region)
    {
        AWSCredentials source = credentials ?? services.GetService<AWSCredentials>() ?? DefaultChainCredentials.Instance;
        if (role is null)
        {
            return source;
        }

        IAssumeRoleCredentialsProvider cache = services.GetService<IAssumeRoleCredentialsProvider>()
            ?? throw new ServiceAuthException("AssumeRole is configured but the assume-role credential cache is not registered.");
        return cache.GetCredentials(role, source, region
            ?? throw new ServiceAuthException($"Signed client '{clientName}': no region for STS; set AssumeRole.StsRegion or Region."));
    }
}
