using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace ServiceAuth.Client.Credentials.Internal;

/// <summary>
/// AWSSDK.Core's default credential chain, resolved on first use (not at startup, so that a host without credentials can
/// still start and fail with a clear message on its first signed call).
/// </summary>
internal sealed class DefaultChainCredentials : AWSCredentials
{
    private readonly Lazy<AWSCredentials> _resolved = new(Resolve, LazyThreadSafetyMode.ExecutionAndPublication);

    public static DefaultChainCredentials Instance { get; } = new();

    public override ImmutableCredentials GetCredentials() => _resolved.Value.GetCredentials();

    public override Task<ImmutableCredentials> GetCredentialsAsync() => _resolved.Value.GetCredentialsAsync();

    public override string ToString() => "AWSSDK.Core default credential chain";

    private static AWSCredentials Resolve()
    {
        try
        {
            return DefaultAWSCredentialsIdentityResolver.GetCredentials();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new ServiceAuthException(
                "No AWS credentials were found by AWSSDK.Core's default chain (environment variables, shared profile, web identity, container, instance metadata). " +
                "Set SignedHttpClientOptions.Credentials, or configure credentials for the environment.",
                e);
        }
    }
}
