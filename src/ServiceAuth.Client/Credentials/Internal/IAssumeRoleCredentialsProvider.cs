using Amazon.Runtime;

namespace ServiceAuth.Client.Credentials.Internal;

/// <summary>Hands out the cached assumed-role credentials for a role and its session parameters; one cache entry per
/// (source identity, role, session parameters), shared by every client in the container.</summary>
internal interface IAssumeRoleCredentialsProvider
{
    AWSCredentials GetCredentials(AssumeRoleOptions role, AWSCredentials source, string clientRegion);
}
