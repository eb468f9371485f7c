using Amazon.Runtime;
using Amazon.SecurityToken;

namespace ServiceAuth.Client.Credentials.Internal;

/// <summary>Hands out STS clients, one per (source credentials, region, endpoint), reused; the seam tests substitute.</summary>
internal interface IStsClientFactory
{
    IAmazonSecurityTokenService Get(AWSCredentials source, string region, Uri? endpoint);

    /// <summary>Disposes and forgets the client for (source, region, endpoint), when the cache evicted its last entry;
    /// a later <see cref="Get"/> creates a new one.</summary>
    void Release(AWSCredentials source, string region, Uri? endpoint);
}
