using System.Diagnostics.CodeAnalysis;
using Amazon;
using Amazon.Extensions.NETCore.Setup;
using Amazon.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ServiceAuth.Client;

/// <summary>Makes the AWS SDK's <see cref="AWSOptions"/> the defaults of signed clients and SNS publishers.</summary>
public static class AwsSdkDefaultsServiceCollectionExtensions
{
    /// <summary>
    /// Registers, unless already registered, the <see cref="AWSCredentials"/> and the <see cref="RegionEndpoint"/> that
    /// the container's <see cref="AWSOptions"/> describe (<c>AddDefaultAWSOptions</c>; else the <c>AWS</c> section of
    /// <see cref="IConfiguration"/>, as <c>AddAWSService</c> reads it): explicit <see cref="AWSOptions.Credentials"/>, else
    /// the profile, else the role (<see cref="AWSOptions.SessionRoleArn"/>), else the default chain. Signed clients and SNS
    /// publishers that set no credentials sign with them, and clients whose region is neither set nor named by their host
    /// use that region. A client's own settings always win.
    /// </summary>
    /// <param name="services">The <see cref="IServiceCollection"/>.</param>
    /// <returns>The <see cref="IServiceCollection"/> so that additional calls can be chained.</returns>
    [RequiresUnreferencedCode("AWSOptions is read from configuration by reflection (AWSSDK.Extensions.NETCore.Setup's GetAWSOptions). Set Region and Credentials on the clients instead in a trimmed app.")]
    public static IServiceCollection AddAwsSdkDefaults(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(static provider =>
        {
            AWSOptions options = AwsOptions(provider) ?? new AWSOptions();
            return options.Credentials ?? options.GetCredentials();
        });
        services.TryAddSingleton(static provider => AwsOptions(provider)?.Region!);
        return services;
    }

    [RequiresUnreferencedCode("GetAWSOptions binds by reflection.")]
    private static AWSOptions? AwsOptions(IServiceProvider provider) =>
        provider.GetService<AWSOptions>() ?? provider.GetService<IConfiguration>()?.GetAWSOptions();
}
