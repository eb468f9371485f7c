using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServiceAuth.Client.IdentityTokens;
using ServiceAuth.Client.DependencyInjection.Internal;
using ServiceAuth.Client.IdentityTokens.Internal;

namespace ServiceAuth.Client;

/// <summary>Extensions that make an <see cref="IHttpClientBuilder"/>'s requests prove the caller's AWS identity with IAM
/// identity tokens (docs/identity-tokens.md).</summary>
public static class IamIdentityTokenHttpClientBuilderExtensions
{
    /// <summary>
    /// Sends <c>Authorization: Bearer sa-iam-v1.…</c> with every request of the client: a presigned STS
    /// <c>GetCallerIdentity</c> bound to <see cref="IamIdentityTokenOptions.Audience"/>, minted locally with the client's
    /// credentials (or the assumed role's, from the shared assume-role cache) and reused briefly. Registers the client's
    /// <see cref="IIamIdentityTokenProvider"/> as a keyed service under the client's name, and redacts
    /// <c>Authorization</c> from HttpClient's logs. The options are validated when the host starts.
    /// </summary>
    /// <param name="builder">The <see cref="IHttpClientBuilder"/>.</param>
    /// <param name="configure">A delegate that configures the <see cref="IamIdentityTokenOptions"/>.</param>
    /// <returns>An <see cref="IHttpClientBuilder"/> that can be used to configure the client.</returns>
    public static IHttpClientBuilder AddIamIdentityToken(this IHttpClientBuilder builder, Action<IamIdentityTokenOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        IServiceCollection services = builder.Services;
        string name = builder.Name;
        DependencyInjection.Internal.SingletonInstance.GetOrAdd<IdentityTokenClientRegistry>(services).Add(name);
        services.AddOptions<IamIdentityTokenOptions>(name).Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IamIdentityTokenOptions>, IamIdentityTokenOptionsValidator>());
        services.TryAddSingleton<IdentityTokenProviders>();
        services.AddAssumeRoleCredentials();
        services.TryAddKeyedSingleton<IIamIdentityTokenProvider>(name, (provider, _) => provider.GetRequiredService<IdentityTokenProviders>().Get(name));
        builder.AddHttpMessageHandler(provider => new IamIdentityTokenHandler(
            provider.GetRequiredService<IdentityTokenProviders>().Get(name),
            provider.GetService<ILoggerFactory>()?.CreateLogger("ServiceAuth.Client.IdentityTokens") ?? NullLogger.Instance,
            IdentityTokenHosts.Resolve(provider, name)));
        builder.RedactSecrets("Authorization");
        return builder;
    }
}
