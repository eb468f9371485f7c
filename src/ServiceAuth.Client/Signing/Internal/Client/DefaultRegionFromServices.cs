using Amazon;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServiceAuth.Client.Signing.Internal;

namespace ServiceAuth.Client.Signing.Internal.Client;

/// <summary>
/// A signed client's region when it sets none and its host names none (a custom domain, VPC Lattice): the
/// <see cref="RegionEndpoint"/> registered in DI, for example by <c>AddAwsSdkDefaults</c> from the AWS SDK's
/// <c>AWSOptions</c>. A region set on the client, or one the host names, always wins.
/// </summary>
internal sealed class DefaultRegionFromServices(IServiceProvider services) : IPostConfigureOptions<SignedHttpClientOptions>
{
    public void PostConfigure(string? name, SignedHttpClientOptions options)
    {
        if (options.Region is not null || (AwsEndpoint.TryInfer(options.BaseAddress, out string inferred, out _) && inferred.Length > 0))
        {
            return;
        }

        if (services.GetService<RegionEndpoint>() is { } region)
        {
            options.Region = region.SystemName;
        }
    }
}
