using Amazon.Runtime;
using Amazon.SecurityToken;

namespace ServiceAuth.Client.Credentials.Internal;

/// <summary>Hands out STS clients, one per (source credentials, region, endpoint), reused; the seam tests substitute.</summary>
internal interface IStsClientFactory
{
    IAmazonSecurityTokenService Get(AWSCredentials source, string region, Uri? endpoint);
}
