using System.Diagnostics;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;
using ServiceAuth.Client.AspNetCore.IdentityTokens;
using ServiceAuth.Client.AspNetCore.IdentityTokens.Internal;

namespace ServiceAuth.Client;

/// <summary>Registers the IAM identity token authentication handler (docs/identity-tokens.md).</summary>
public static class IamIdentityTokenAuthenticationBuilderExtensions
{
    /// <summary>Adds IAM identity token authentication under <see cref="IamIdentityTokenDefaults.AuthenticationScheme"/>.</summary>
    /// <param name="builder">The <see cref="AuthenticationBuilder"/>.</param>
    /// <param name="configure">A delegate that configures the options; <see cref="IamIdentityTokenAuthenticationOptions.Audience"/> is required.</param>
    /// <returns>The <see cref="AuthenticationBuilder"/> so that additional calls can be chained.</returns>
    public static AuthenticationBuilder AddIamIdentityToken(this AuthenticationBuilder builder, Action<IamIdentityTokenAuthenticationOptions> configure) =>
        builder.AddIamIdentityToken(IamIdentityTokenDefaults.AuthenticationScheme, configure);

    /// <summary>
    /// Adds IAM identity token authentication under <paramref name="authenticationScheme"/>: callers send
    /// <c>Authorization: Bearer sa-iam-v1.…</c> (minted by <c>AddIamIdentityToken</c> on their HttpClient); the handler
    /// checks the token, confirms it with STS <c>GetCallerIdentity</c>, and authenticates the caller's account, ARN and
    /// role. Bearer tokens without the prefix are left to other handlers. The options are validated when the host starts.
    /// </summary>
    /// <param name="builder">The <see cref="AuthenticationBuilder"/>.</param>
    /// <param name="authenticationScheme">The scheme name.</param>
    /// <param name="configure">A delegate that configures the options; <see cref="IamIdentityTokenAuthenticationOptions.Audience"/> is required.</param>
    /// <returns>The <see cref="AuthenticationBuilder"/> so that additional calls can be chained.</returns>
    public static AuthenticationBuilder AddIamIdentityToken(this AuthenticationBuilder builder, string authenticationScheme, Action<IamIdentityTokenAuthenticationOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(authenticationScheme);
        ArgumentNullException.ThrowIfNull(configure);
        IServiceCollection services = builder.Services;
        IdentityTokenSchemeStates.GetOrAdd(services).Register(authenticationScheme);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IamIdentityTokenAuthenticationOptions>, IamIdentityTokenAuthenticationOptionsValidator>());
        services.AddOptions<IamIdentityTokenAuthenticationOptions>(authenticationScheme).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, StsHttpClientFilter>());
        services.AddHttpClient(IamIdentityTokenDefaults.StsHttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                UseProxy = true,
                AutomaticDecompression = System.Net.DecompressionMethods.None,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                ActivityHeadersPropagator = DistributedContextPropagator.CreateNoOutputPropagator(),
            })
            .ConfigureHttpClient(client => client.Timeout = TimeSpan.FromSeconds(65))
            .RemoveAllLoggers();
        return builder.AddScheme<IamIdentityTokenAuthenticationOptions, IamIdentityTokenHandler>(authenticationScheme, configure);
    }
}
