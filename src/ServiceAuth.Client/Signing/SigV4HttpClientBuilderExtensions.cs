using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;
using ServiceAuth.Client.DependencyInjection.Internal;
using ServiceAuth.Client.Signing.Internal;
using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client;

/// <summary>Extensions that sign an existing <see cref="IHttpClientBuilder"/>'s requests with SigV4.</summary>
public static class SigV4HttpClientBuilderExtensions
{
    private static readonly string[] SensitiveHeaders = ["Authorization", "X-Amz-Security-Token", "x-api-key"];


    /// <summary>
    /// Signs every request of the client with SigV4. The signing handler is always the innermost handler, whatever is
    /// added after this call, so retry and resilience handlers sit outside it and every attempt is signed afresh.
    /// Automatic redirects are turned off on the primary handler, and <c>Authorization</c>, <c>X-Amz-Security-Token</c> and
    /// <c>x-api-key</c> are redacted from HttpClient's logs, in addition to whatever the client redacts already (by default
    /// every header value), even when <c>RedactLoggedHeaders</c> is called later. The options are validated when the host starts.
    /// </summary>
    /// <param name="builder">The <see cref="IHttpClientBuilder"/>.</param>
    /// <param name="configure">A delegate that configures the <see cref="SignedHttpClientOptions"/>.</param>
    /// <returns>An <see cref="IHttpClientBuilder"/> that can be used to configure the client.</returns>
    public static IHttpClientBuilder AddSigV4Signing(this IHttpClientBuilder builder, Action<SignedHttpClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<SignedHttpClientOptions>(builder.Name).Configure(configure);
        return AddCore(builder, new SignedClientRegistration(null, configure, new StackTrace(1, fNeedFileInfo: false)));
    }

    /// <summary>
    /// Signs every request of the client with SigV4, with <see cref="SignedHttpClientOptions"/> bound from a configuration
    /// section (unknown keys are errors). See <see cref="AddSigV4Signing(IHttpClientBuilder, Action{SignedHttpClientOptions})"/>.
    /// </summary>
    /// <param name="builder">The <see cref="IHttpClientBuilder"/>.</param>
    /// <param name="section">The configuration section, for example <c>configuration.GetSection("Orders")</c>.</param>
    /// <param name="configure">An optional delegate that configures the options after binding (credentials, say).</param>
    /// <returns>An <see cref="IHttpClientBuilder"/> that can be used to configure the client.</returns>
    public static IHttpClientBuilder AddSigV4Signing(this IHttpClientBuilder builder, IConfigurationSection section, Action<SignedHttpClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        if (!section.Exists())
        {
            throw new ServiceAuthException($"Signed HttpClient '{builder.Name}': configuration section '{section.Path}' is missing or empty.");
        }

        // Credentials is an object, not configuration: the source-generated binder skips it (SYSLIB1100/1101, see the csproj).
        OptionsBuilder<SignedHttpClientOptions> options = builder.Services.AddOptions<SignedHttpClientOptions>(builder.Name)
            .Bind(section, binder => binder.ErrorOnUnknownConfiguration = true);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return AddCore(builder, new SignedClientRegistration(section, configure, new StackTrace(1, fNeedFileInfo: false)));
    }

    private static IHttpClientBuilder AddCore(IHttpClientBuilder builder, SignedClientRegistration registration)
    {
        IServiceCollection services = builder.Services;
        SingletonInstance.GetOrAdd<SignedClientRegistry>(services).Add(builder.Name, registration);
        services.AddOptions<SignedHttpClientOptions>(builder.Name).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SignedHttpClientOptions>, SignedHttpClientOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, SigningHandlerBuilderFilter>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<SignedHttpClientOptions>, DefaultRegionFromServices>());
        services.TryAddSingleton<SignedClientCredentials>();
        services.TryAddSingleton(provider => new ClockSkewRegistry(provider.GetService<TimeProvider>()));
        services.AddServiceAuthMetrics();
        services.AddAssumeRoleCredentials();

        string name = builder.Name;
        builder.ConfigureHttpClient((provider, client) =>
        {
            if (provider.GetRequiredService<IOptionsMonitor<SignedHttpClientOptions>>().Get(name).BaseAddress is { } address)
            {
                client.BaseAddress = address;
            }
        });

        return builder.RedactSecrets(SensitiveHeaders);
    }
}
