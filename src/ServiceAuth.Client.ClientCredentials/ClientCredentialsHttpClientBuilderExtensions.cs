using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServiceAuth.Client.ClientCredentials;
using ServiceAuth.Client.ClientCredentials.Internal;
using ServiceAuth.Client.DependencyInjection.Internal;
using ServiceAuth.Client.Diagnostics;

namespace ServiceAuth.Client;

/// <summary>Extensions that give an existing <see cref="IHttpClientBuilder"/>'s requests an OAuth 2.0 access token
/// obtained with the client-credentials grant (for example from an Amazon Cognito user pool).</summary>
public static class ClientCredentialsHttpClientBuilderExtensions
{
    private static readonly string[] SensitiveHeaders = ["Authorization"];

    /// <summary>
    /// Sends every request of the client with <c>Authorization: Bearer &lt;access token&gt;</c>. Tokens come from the
    /// container's token cache: one token per (token endpoint, client id, scopes, resource), requested once however many
    /// requests need it, refreshed ahead of expiry in the background, kept while the identity provider is down and still
    /// valid. A 401 <c>invalid_token</c> from the target drops the token and sends the request once more. The options are
    /// validated when the host starts; <c>Authorization</c> is redacted from HttpClient's logs.
    /// </summary>
    /// <param name="builder">The <see cref="IHttpClientBuilder"/>.</param>
    /// <param name="configure">A delegate that configures the <see cref="ClientCredentialsTokenOptions"/>.</param>
    /// <returns>An <see cref="IHttpClientBuilder"/> that can be used to configure the client.</returns>
    public static IHttpClientBuilder AddClientCredentialsToken(this IHttpClientBuilder builder, Action<ClientCredentialsTokenOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<ClientCredentialsTokenOptions>(builder.Name).Configure(configure);
        return AddCore(builder);
    }

    /// <summary>
    /// Sends every request of the client with a cached access token, with <see cref="ClientCredentialsTokenOptions"/>
    /// bound from a configuration section (unknown keys are errors). See
    /// <see cref="AddClientCredentialsToken(IHttpClientBuilder, Action{ClientCredentialsTokenOptions})"/>.
    /// </summary>
    /// <param name="builder">The <see cref="IHttpClientBuilder"/>.</param>
    /// <param name="section">The configuration section, for example <c>configuration.GetSection("Orders:Token")</c>.</param>
    /// <param name="configure">An optional delegate run after binding, for example to set
    /// <see cref="ClientCredentialsTokenOptions.ClientSecretProvider"/>.</param>
    /// <returns>An <see cref="IHttpClientBuilder"/> that can be used to configure the client.</returns>
    public static IHttpClientBuilder AddClientCredentialsToken(this IHttpClientBuilder builder, IConfigurationSection section, Action<ClientCredentialsTokenOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        if (!section.Exists())
        {
            throw new ServiceAuthException($"Client credentials of HttpClient '{builder.Name}': configuration section '{section.Path}' is missing or empty.");
        }

        OptionsBuilder<ClientCredentialsTokenOptions> options = builder.Services.AddOptions<ClientCredentialsTokenOptions>(builder.Name)
            .Bind(section, binder => binder.ErrorOnUnknownConfiguration = true);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return AddCore(builder);
    }

    private static IHttpClientBuilder AddCore(IHttpClientBuilder builder)
    {
        IServiceCollection services = builder.Services;
        services.AddOptions<ClientCredentialsTokenOptions>(builder.Name).ValidateOnStart();
        services.AddServiceAuthMetrics();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClientCredentialsTokenOptions>, ClientCredentialsTokenOptionsValidator>());
        services.TryAddSingleton(provider => new ClientCredentialsTokenCache(
            provider.GetRequiredService<IHttpClientFactory>(), provider.GetService<TimeProvider>(), provider.GetService<ILoggerFactory>(),
            provider.GetService<ISharedTokenStore>(), provider.GetRequiredService<TokenMetrics>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, TokenEndpointHandlerFilter>());
        services.AddHttpClient(TokenEndpointClient.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30))
            .RedactSecrets(SensitiveHeaders);
        if (!SingletonInstance.GetOrAdd<ClientCredentialsClientRegistry>(services).Add(builder.Name))
        {
            return builder;
        }

        string name = builder.Name;
        builder.AddHttpMessageHandler(provider =>
        {
            ClientCredentialsTokenOptions options = provider.GetRequiredService<IOptionsMonitor<ClientCredentialsTokenOptions>>().Get(name);
            return new ClientCredentialsTokenHandler(
                provider.GetRequiredService<ClientCredentialsTokenCache>().GetEntry(options),
                options.AllowInsecureHttp,
                provider.GetRequiredService<ILoggerFactory>().CreateLogger("ServiceAuth.Client.ClientCredentials"),
                provider.GetRequiredService<TokenMetrics>());
        });
        builder.RedactSecrets(SensitiveHeaders);
        return builder;
    }
}
