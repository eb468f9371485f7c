using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServiceAuth.Client.AspNetCore.Cognito;
using ServiceAuth.Client.AspNetCore.Cognito.Internal;

namespace ServiceAuth.Client;

/// <summary>Registers JwtBearer authentication configured for an Amazon Cognito user pool (docs/oauth.md).</summary>
public static class CognitoAuthenticationBuilderExtensions
{
    /// <summary>Adds Cognito JWT bearer authentication under <see cref="CognitoDefaults.AuthenticationScheme"/>.</summary>
    /// <param name="builder">The <see cref="AuthenticationBuilder"/>.</param>
    /// <param name="configure">Configures the pool and the accepted app clients.</param>
    /// <returns>The <see cref="AuthenticationBuilder"/> so that additional calls can be chained.</returns>
    public static AuthenticationBuilder AddCognitoJwtBearer(this AuthenticationBuilder builder, Action<CognitoJwtBearerOptions> configure) =>
        builder.AddCognitoJwtBearer(CognitoDefaults.AuthenticationScheme, configure);

    /// <summary>
    /// Adds JwtBearer authentication under <paramref name="authenticationScheme"/> for the tokens of a Cognito user pool:
    /// issuer <c>https://cognito-idp.&lt;region&gt;.amazonaws.com/&lt;pool id&gt;</c>, RS256 signatures by the pool's
    /// keys (cached, fetched again on an unknown <c>kid</c>), numeric <c>exp</c>, <c>nbf</c> and <c>iat</c> with
    /// <see cref="CognitoJwtBearerOptions.ClockSkew"/>, <c>token_use</c>, and the app client on <c>aud</c> when present,
    /// else <c>client_id</c> (API Gateway's rule). Refusals are logged with their reason, never the token, and the 401
    /// challenge does not describe the token (<c>IncludeErrorDetails</c> is <see langword="false"/>). Claims keep their JWT names (<c>scope</c>, <c>client_id</c>); require
    /// scopes with <c>RequireCognitoScope</c>. The options are validated when the host starts.
    /// </summary>
    /// <param name="builder">The <see cref="AuthenticationBuilder"/>.</param>
    /// <param name="authenticationScheme">The scheme name.</param>
    /// <param name="configure">Configures the pool and the accepted app clients.</param>
    /// <returns>The <see cref="AuthenticationBuilder"/> so that additional calls can be chained.</returns>
    public static AuthenticationBuilder AddCognitoJwtBearer(this AuthenticationBuilder builder, string authenticationScheme, Action<CognitoJwtBearerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(authenticationScheme);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<CognitoJwtBearerOptions>(authenticationScheme).Configure(configure);
        return AddCore(builder, authenticationScheme);
    }

    /// <summary>Adds Cognito JWT bearer authentication with <see cref="CognitoJwtBearerOptions"/> bound from a
    /// configuration section (unknown keys are errors). See <see cref="AddCognitoJwtBearer(AuthenticationBuilder, string, Action{CognitoJwtBearerOptions})"/>.</summary>
    /// <param name="builder">The <see cref="AuthenticationBuilder"/>.</param>
    /// <param name="authenticationScheme">The scheme name.</param>
    /// <param name="section">The configuration section, for example <c>configuration.GetSection("Cognito")</c>.</param>
    /// <returns>The <see cref="AuthenticationBuilder"/> so that additional calls can be chained.</returns>
    public static AuthenticationBuilder AddCognitoJwtBearer(this AuthenticationBuilder builder, string authenticationScheme, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(authenticationScheme);
        ArgumentNullException.ThrowIfNull(section);
        if (!section.Exists())
        {
            throw new ServiceAuthException($"Cognito authentication scheme '{authenticationScheme}': configuration section '{section.Path}' is missing or empty.");
        }

        builder.Services.AddOptions<CognitoJwtBearerOptions>(authenticationScheme).Bind(section, binder => binder.ErrorOnUnknownConfiguration = true);
        return AddCore(builder, authenticationScheme);
    }

    private static AuthenticationBuilder AddCore(AuthenticationBuilder builder, string scheme)
    {
        IServiceCollection services = builder.Services;
        services.AddOptions<CognitoJwtBearerOptions>(scheme).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CognitoJwtBearerOptions>, CognitoJwtBearerOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuthorizationHandler, CognitoScopeAuthorizationHandler>());
        services.AddSingleton(new CognitoSchemeName(scheme));
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>>(provider => new CognitoJwtBearerConfigurer(
            scheme,
            provider.GetRequiredService<IOptionsMonitor<CognitoJwtBearerOptions>>(),
            provider.GetService<TimeProvider>() ?? TimeProvider.System));
        builder.AddJwtBearer(scheme);
        services.AddSingleton<IPostConfigureOptions<JwtBearerOptions>>(provider => new CognitoJwtBearerEvents(
            scheme,
            provider.GetRequiredService<IOptionsMonitor<CognitoJwtBearerOptions>>(),
            provider.GetRequiredService<ILoggerFactory>(),
            provider.GetService<TimeProvider>() ?? TimeProvider.System));
        return builder;
    }
}
