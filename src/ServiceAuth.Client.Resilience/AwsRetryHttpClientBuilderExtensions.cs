using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;
using ServiceAuth.Client.DependencyInjection.Internal;
using ServiceAuth.Client.Diagnostics;
using ServiceAuth.Client.Protocol.Internal;
using ServiceAuth.Client.Resilience.Internal;

namespace ServiceAuth.Client;

/// <summary>Extensions that add AWS-aware retries to an <see cref="IHttpClientBuilder"/>.</summary>
public static class AwsRetryHttpClientBuilderExtensions
{
    /// <summary>The name of the resilience pipeline <c>AddAwsRetries</c> adds (it shows in Polly's telemetry as
    /// <c>{client}-AwsRetries</c>).</summary>
    public const string PipelineName = "AwsRetries";

    /// <summary>
    /// Retries what the AWS SDKs retry and the standard resilience handler misses: throttling returned as HTTP 400 with a
    /// throttling code (<c>Throttling</c>, <c>ThrottlingException</c>, <c>RequestLimitExceeded</c>, …), 429 (honouring
    /// <c>Retry-After</c> and <c>x-amz-retry-after</c>), 5xx, timeouts and connection failures; with exponential backoff,
    /// full jitter and a retry budget per client. Built on Microsoft.Extensions.Http.Resilience
    /// (<c>AddResilienceHandler</c>): Polly's telemetry, option reload and <c>HttpClient.Send</c> come with it. Requests
    /// that are not idempotent are not retried unless <see cref="AwsRetryOptions.RetryNonIdempotent"/> is set or the request is marked
    /// with <see cref="ServiceAuthRequestOptions.RetrySafe"/> (as the SNS and EventBridge publishers mark theirs). On a signed
    /// client the handler sits outside the signer, so every attempt is signed afresh. A second retrying handler on the same
    /// client (the standard handler from <c>ConfigureHttpClientDefaults</c>, say) is detected and logged as a warning.
    /// The options are validated when the host starts.
    /// </summary>
    /// <param name="builder">The <see cref="IHttpClientBuilder"/>.</param>
    /// <param name="configure">An optional delegate that configures the <see cref="AwsRetryOptions"/>.</param>
    /// <returns>An <see cref="IHttpClientBuilder"/> that can be used to configure the client.</returns>
#pragma warning disable RS0027 // The shipped AddAwsRetries(configure = null) keeps its shape; the section overload has no optional parameter.
    public static IHttpClientBuilder AddAwsRetries(this IHttpClientBuilder builder, Action<AwsRetryOptions>? configure = null)
#pragma warning restore RS0027
    {
        ArgumentNullException.ThrowIfNull(builder);
        OptionsBuilder<AwsRetryOptions> options = builder.Services.AddOptions<AwsRetryOptions>(builder.Name);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return AddCore(builder);
    }

    /// <summary>
    /// Adds AWS-aware retries with <see cref="AwsRetryOptions"/> bound from a configuration section (unknown keys are
    /// errors); changes to the section are picked up without a restart. See
    /// <see cref="AddAwsRetries(IHttpClientBuilder, Action{AwsRetryOptions})"/>.
    /// </summary>
    /// <param name="builder">The <see cref="IHttpClientBuilder"/>.</param>
    /// <param name="section">The configuration section, for example <c>configuration.GetSection("Orders:Retries")</c>.
    /// To set more in code, chain <c>.AddAwsRetries(o =&gt; …)</c>: a second call configures the same handler.</param>
    /// <returns>An <see cref="IHttpClientBuilder"/> that can be used to configure the client.</returns>
    public static IHttpClientBuilder AddAwsRetries(this IHttpClientBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        builder.Services.AddOptions<AwsRetryOptions>(builder.Name).Bind(section, binder => binder.ErrorOnUnknownConfiguration = true);
        return AddCore(builder);
    }

    private static IHttpClientBuilder AddCore(IHttpClientBuilder builder)
    {
        string name = builder.Name;
        IServiceCollection services = builder.Services;
        services.AddOptions<AwsRetryOptions>(name).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AwsRetryOptions>, AwsRetryOptionsValidator>());
        services.TryAddSingleton<AwsRetryBudgets>();
        services.AddServiceAuthMetrics();
        services.AddFullJitterBackoff();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, ResilienceStackingFilter>());
        if (!SingletonInstance.GetOrAdd<AwsRetryClientRegistry>(services).Add(name))
        {
            // Called again for the same client: configure it further, never stack a second retrying handler.
            return builder;
        }

        builder.AddResilienceHandler(PipelineName, (pipeline, context) =>
        {
            string client = name; // context.BuilderName is the pipeline's name ("{client}-AwsRetries"), not the client's
            context.EnableReloads<AwsRetryOptions>(client);
            AwsRetryOptions o = context.GetOptions<AwsRetryOptions>(client);
            IServiceProvider provider = context.ServiceProvider;
            ILogger logger = provider.GetService<ILoggerFactory>()?.CreateLogger("ServiceAuth.Client.Retry") ?? NullLogger.Instance;
            FullJitterBackoff backoff = provider.GetRequiredService<FullJitterBackoff>();
            RetryBudget budget = provider.GetRequiredService<AwsRetryBudgets>().For(client, o.RetryBudget);
            pipeline.AddRetry(new AwsRetryStrategy(o, budget, backoff, logger, provider.GetRequiredService<RetryMetrics>()).CreateOptions());
        });
        return builder;
    }
}
