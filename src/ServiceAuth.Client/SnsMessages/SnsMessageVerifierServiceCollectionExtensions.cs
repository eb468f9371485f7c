using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServiceAuth.Client.SnsMessages;
using ServiceAuth.Client.SnsMessages.Internal;

namespace ServiceAuth.Client;

/// <summary>
/// Registers the SNS message verifier, for envelopes read from SQS (subscriptions without raw delivery) and for HTTPS
/// subscription endpoints (<c>MapSnsSubscription</c> in ServiceAuth.Client.AspNetCore).
/// </summary>
public static class SnsMessageVerifierServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> that fetches signing certificates (redirects off).</summary>
    public const string CertificateClientName = "ServiceAuth.Client.SnsSigningCertificates";

    /// <summary>Adds the <see cref="ISnsMessageVerifier"/> singleton. The options are validated when the host starts.</summary>
    /// <param name="services">The <see cref="IServiceCollection"/>.</param>
    /// <param name="configure">A delegate that configures the <see cref="SnsMessageVerifierOptions"/>; name the allowed topics there.</param>
    /// <returns>The <see cref="IHttpClientBuilder"/> of the client that fetches signing certificates (for a proxy, say).</returns>
    public static IHttpClientBuilder AddSnsMessageVerifier(this IServiceCollection services, Action<SnsMessageVerifierOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<SnsMessageVerifierOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SnsMessageVerifierOptions>, SnsMessageVerifierOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ISnsMessageVerifier>(provider =>
        {
            var clients = provider.GetRequiredService<IHttpClientFactory>();
            ILogger logger = provider.GetService<ILoggerFactory>()?.CreateLogger("ServiceAuth.Client.SnsMessages") ?? NullLogger.Instance;
            return new SnsMessageVerifier(
                provider.GetRequiredService<IOptions<SnsMessageVerifierOptions>>().Value,
                () => clients.CreateClient(CertificateClientName),
                provider.GetRequiredService<TimeProvider>(),
                logger);
        });
        return services.AddHttpClient(CertificateClientName)
            .ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler { AllowAutoRedirect = false });
    }
}
