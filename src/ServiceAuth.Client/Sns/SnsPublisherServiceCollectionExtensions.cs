using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServiceAuth.Client.DependencyInjection.Internal;
using ServiceAuth.Client.Diagnostics;
using ServiceAuth.Client.Protocol.Internal;
using ServiceAuth.Client.Sns;
using ServiceAuth.Client.Sns.Internal;

namespace ServiceAuth.Client;

/// <summary>
/// Registers typed SNS publishers. Each publisher gets its own SigV4-signed named <see cref="HttpClient"/> (service
/// <c>sns</c>, the topic's region, the configured credentials or assumed role); the returned
/// <see cref="IHttpClientBuilder"/> configures that client, for example <c>.AddAwsRetries()</c> or a primary handler.
/// </summary>
public static class SnsPublisherServiceCollectionExtensions
{
    /// <summary>Adds an <see cref="ISnsPublisher{TMessage}"/> singleton for one topic. The options are validated when the
    /// host starts.</summary>
    /// <typeparam name="TMessage">The message type; <see cref="string"/> publishes raw text.</typeparam>
    /// <param name="services">The <see cref="IServiceCollection"/>.</param>
    /// <param name="configure">A delegate that configures the <see cref="SnsPublisherOptions{TMessage}"/>.</param>
    /// <returns>The <see cref="IHttpClientBuilder"/> of the publisher's signed client.</returns>
    public static IHttpClientBuilder AddSnsPublisher<TMessage>(this IServiceCollection services, Action<SnsPublisherOptions<TMessage>> configure)
    {
        (IHttpClientBuilder builder, string name) = AddCore(services, Options.DefaultName, configure);
        services.TryAddSingleton<ISnsPublisher<TMessage>>(provider => Create<TMessage>(provider, Options.DefaultName, name));
        return builder;
    }

    /// <summary>Adds a keyed <see cref="ISnsPublisher{TMessage}"/> singleton, so one message type can go to several topics
    /// (resolve it with <c>[FromKeyedServices("name")]</c>). The options are named options under <paramref name="name"/>.</summary>
    /// <typeparam name="TMessage">The message type; <see cref="string"/> publishes raw text.</typeparam>
    /// <param name="services">The <see cref="IServiceCollection"/>.</param>
    /// <param name="name">The service key and options name.</param>
    /// <param name="configure">A delegate that configures the <see cref="SnsPublisherOptions{TMessage}"/>.</param>
    /// <returns>The <see cref="IHttpClientBuilder"/> of the publisher's signed client.</returns>
    public static IHttpClientBuilder AddKeyedSnsPublisher<TMessage>(this IServiceCollection services, string name, Action<SnsPublisherOptions<TMessage>> configure)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        (IHttpClientBuilder builder, string clientName) = AddCore(services, name, configure);
        services.AddKeyedSingleton<ISnsPublisher<TMessage>>(name, (provider, _) => Create<TMessage>(provider, name, clientName));
        return builder;
    }

    /// <summary>Adds an <see cref="ISnsPublisher{TMessage}"/> singleton for one topic, its settings bound from a
    /// configuration section (<c>TopicArn</c>, <c>Region</c>, <c>ServiceUrl</c>, <c>AssumeRole</c>, the limits; unknown keys
    /// are errors). Objects (credentials, <c>JsonTypeInfo</c>) are set in <paramref name="configure"/>.</summary>
    /// <typeparam name="TMessage">The message type; <see cref="string"/> publishes raw text.</typeparam>
    /// <param name="services">The <see cref="IServiceCollection"/>.</param>
    /// <param name="section">The configuration section, for example <c>configuration.GetSection("Sns:Orders")</c>.</param>
    /// <param name="configure">An optional delegate that configures the options after binding.</param>
    /// <returns>The <see cref="IHttpClientBuilder"/> of the publisher's signed client.</returns>
    public static IHttpClientBuilder AddSnsPublisher<TMessage>(this IServiceCollection services, IConfigurationSection section, Action<SnsPublisherOptions<TMessage>>? configure = null) =>
        services.AddSnsPublisher(FromSection(section, configure));

    /// <summary>Adds a keyed <see cref="ISnsPublisher{TMessage}"/> singleton whose settings are bound from a configuration
    /// section; see <see cref="AddSnsPublisher{TMessage}(IServiceCollection, IConfigurationSection, Action{SnsPublisherOptions{TMessage}})"/>.</summary>
    /// <typeparam name="TMessage">The message type; <see cref="string"/> publishes raw text.</typeparam>
    /// <param name="services">The <see cref="IServiceCollection"/>.</param>
    /// <param name="name">The service key and options name.</param>
    /// <param name="section">The configuration section.</param>
    /// <param name="configure">An optional delegate that configures the options after binding.</param>
    /// <returns>The <see cref="IHttpClientBuilder"/> of the publisher's signed client.</returns>
    public static IHttpClientBuilder AddKeyedSnsPublisher<TMessage>(this IServiceCollection services, string name, IConfigurationSection section, Action<SnsPublisherOptions<TMessage>>? configure = null) =>
        services.AddKeyedSnsPublisher(name, FromSection(section, configure));

    private static Action<SnsPublisherOptions<TMessage>> FromSection<TMessage>(IConfigurationSection section, Action<SnsPublisherOptions<TMessage>>? configure)
    {
        ArgumentNullException.ThrowIfNull(section);
        if (!section.Exists())
        {
            throw new ServiceAuthException($"SNS publisher of {typeof(TMessage).Name}: configuration section '{section.Path}' is missing or empty.");
        }

        return options =>
        {
            SnsPublisherSection.Bind(section, options);
            configure?.Invoke(options);
        };
    }

    private static (IHttpClientBuilder Builder, string ClientName) AddCore<TMessage>(IServiceCollection services, string name, Action<SnsPublisherOptions<TMessage>> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddServiceAuthMetrics();
        services.AddFullJitterBackoff();
        string clientName = SingletonInstance.GetOrAdd<SnsPublisherRegistry>(services).Add(typeof(TMessage), name);
        services.AddOptions<SnsPublisherOptions<TMessage>>(name).Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SnsPublisherOptions<TMessage>>, SnsPublisherOptionsValidator<TMessage>>());
        IHttpClientBuilder builder = services.AddHttpClient(clientName).AddSigV4Signing(static _ => { });
        services.AddOptions<SignedHttpClientOptions>(clientName)
            .Configure<IOptionsMonitor<SnsPublisherOptions<TMessage>>>((signed, sns) => ApplyTo(signed, sns.Get(name)));

        return (builder, clientName);
    }

    private static void ApplyTo<TMessage>(SignedHttpClientOptions signed, SnsPublisherOptions<TMessage> sns)
    {
        SnsTopicArn? topic = SnsTopicArn.TryParse(sns.TopicArn, out _);
        signed.BaseAddress = sns.ServiceUrl ?? topic?.DefaultServiceUrl;
        signed.Region = sns.Region ?? topic?.Region;
        signed.Service = "sns";
        signed.Credentials = sns.Credentials;
        signed.AssumeRole = sns.AssumeRole;
        signed.AllowInsecureHttp = sns.AllowInsecureHttp;
    }

    private static SnsPublisher<TMessage> Create<TMessage>(IServiceProvider provider, string name, string clientName)
    {
        var settings = new SnsPublisherSettings<TMessage>(provider.GetRequiredService<IOptionsMonitor<SnsPublisherOptions<TMessage>>>().Get(name));
        ILoggerFactory loggers = provider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        return new SnsPublisher<TMessage>(
            settings,
            new SnsTransport(provider.GetRequiredService<IHttpClientFactory>(), clientName),
            provider.GetRequiredService<FullJitterBackoff>(),
            loggers.CreateLogger<SnsPublisher<TMessage>>(),
            provider.GetRequiredService<MessagingMetrics>());
    }
}
