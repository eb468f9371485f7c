using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServiceAuth.Client.DependencyInjection.Internal;
using ServiceAuth.Client.Protocol.Internal;
using ServiceAuth.Client.Retry.Internal;

namespace ServiceAuth.Client;

/// <summary>Extensions that add AWS-aware retries to an <see cref="IHttpClientBuilder"/>.</summary>
public static class AwsRetryHttpClientBuilderExtensions
{
    /// <summary>
    /// Retries what the AWS SDKs retry and the standard resilience handler misses: throttling returned as HTTP 400 with a
    /// throttling code (<c>Throttling</c>, <c>ThrottlingException</c>, <c>RequestLimitExceeded</c>, …), 429 (honouring
    /// <c>Retry-After</c> and <c>x-amz-retry-after</c>), 5xx, timeouts and connection failures; with exponential backoff,
    /// full jitter and a retry budget per client. Requests that are not idempotent are not retried unless
    /// <see cref="AwsRetryOptions.RetryNonIdempotent"/> is set. On a signed client the handler sits outside the signer, so
    /// every attempt is signed afresh. Do not combine it with another retrying handler. The options are validated when the
    /// host starts.
    /// </summary>
    /// <param name="builder">The <see cref="IHttpClientBuilder"/>.</param>
    /// <param name="configure">An optional delegate that configures the <see cref="AwsRetryOptions"/>.</param>
    /// <returns>An <see cref="IHttpClientBuilder"/> that can be used to configure the client.</returns>
    public static IHttpClientBuilder AddAwsRetries(this IHttpClientBuilder builder, Action<AwsRetryOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        string name = builder.Name;
        OptionsBuilder<AwsRetryOptions> options = builder.Services.AddOptions<AwsRetryOptions>(name).ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AwsRetryOptions>, AwsRetryOptionsValidator>());
        builder.Services.TryAddSingleton<AwsRetryBudgets>();
        if (!SingletonInstance.GetOrAdd<AwsRetryClientRegistry>(builder.Services).Add(name))
        {
            // Called again for the same client: configure it further, never stack a second retrying handler.
            return builder;
        }

        builder.AddHttpMessageHandler(provider =>
        {
            AwsRetryOptions o = provider.GetRequiredService<IOptionsMonitor<AwsRetryOptions>>().Get(name);
            ILogger logger = provider.GetService<ILoggerFactory>()?.CreateLogger("ServiceAuth.Client.Http.AwsRetryHandler") ?? NullLogger.Instance;
            return new AwsRetryHandler(o, provider.GetRequiredService<AwsRetryBudgets>().For(name, o.RetryBudget), new FullJitterBackoff(provider.GetService<TimeProvider>() ?? TimeProvider.System, SystemRandomizer.Shared), logger);
        });
        return builder;
    }
}
