using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServiceAuth.Client.DependencyInjection.Internal;
using ServiceAuth.Client.Diagnostics;
using ServiceAuth.Client.EventBridge;
using ServiceAuth.Client.EventBridge.Internal;
using ServiceAuth.Client.Protocol.Internal;

namespace ServiceAuth.Client;

/// <summary>
/// Registers typed EventBridge publishers. Each publisher gets its own SigV4-signed named <see cref="HttpClient"/>
/// (service <c>events</c>, the bus's region, the configured credentials or assumed role, sharing the assume-role cache of
/// every other signed client); the returned <see cref="IHttpClientBuilder"/> configures that client, for example
/// <c>.AddAwsRetries()</c> or a primary handler.
/// </summary>
public static class EventBridgePublisherServiceCollectionExtensions
{
    /// <summary>Adds an <see cref="IEventBridgePublisher{TEvent}"/> singleton for one event bus. The options are validated
    /// when the host starts.</summary>
    /// <typeparam name="TEvent">The detail type; <see cref="string"/> sends JSON object text as is.</typeparam>
    /// <param name="services">The <see cref="IServiceCollection"/>.</param>
    /// <param name="configure">A delegate that configures the <see cref="EventBridgePublisherOptions{TEvent}"/>.</param>
    /// <returns>The <see cref="IHttpClientBuilder"/> of the publisher's signed client.</returns>
    public static IHttpClientBuilder AddEventBridgePublisher<TEvent>(this IServiceCollection services, Action<EventBridgePublisherOptions<TEvent>> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        (IHttpClientBuilder builder, string name) = AddCore<TEvent>(services, Options.DefaultName, o => o.Configure(configure));
        services.TryAddSingleton<IEventBridgePublisher<TEvent>>(provider => Create<TEvent>(provider, Options.DefaultName, name));
        return builder;
    }

    /// <summary>Adds an <see cref="IEventBridgePublisher{TEvent}"/> singleton whose options are bound from a configuration
    /// section (unknown keys are errors), then <paramref name="configure"/> runs (set <c>JsonTypeInfo</c> there).</summary>
    /// <typeparam name="TEvent">The detail type; <see cref="string"/> sends JSON object text as is.</typeparam>
    /// <param name="services">The <see cref="IServiceCollection"/>.</param>
    /// <param name="section">The configuration section, for example <c>configuration.GetSection("OrderEvents")</c>.</param>
    /// <param name="configure">An optional delegate that configures the options after binding.</param>
    /// <returns>The <see cref="IHttpClientBuilder"/> of the publisher's signed client.</returns>
    public static IHttpClientBuilder AddEventBridgePublisher<TEvent>(this IServiceCollection services, IConfigurationSection section, Action<EventBridgePublisherOptions<TEvent>>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(section);
        if (!section.Exists())
        {
            throw new ServiceAuthException($"EventBridge publisher of {typeof(TEvent).Name}: configuration section '{section.Path}' is missing or empty.");
        }

        (IHttpClientBuilder builder, string name) = AddCore<TEvent>(services, Options.DefaultName, o =>
        {
            o.Configure(options => EventBridgeOptionsBinder.Bind(section, options));
            if (configure is not null)
            {
                o.Configure(configure);
            }
        });
        services.TryAddSingleton<IEventBridgePublisher<TEvent>>(provider => Create<TEvent>(provider, Options.DefaultName, name));
        return builder;
    }

    /// <summary>Adds a keyed <see cref="IEventBridgePublisher{TEvent}"/> singleton, so one event type can go to several buses
    /// (resolve it with <c>[FromKeyedServices("name")]</c>). The options are named options under <paramref name="name"/>.</summary>
    /// <typeparam name="TEvent">The detail type; <see cref="string"/> sends JSON object text as is.</typeparam>
    /// <param name="services">The <see cref="IServiceCollection"/>.</param>
    /// <param name="name">The service key and options name.</param>
    /// <param name="configure">A delegate that configures the <see cref="EventBridgePublisherOptions{TEvent}"/>.</param>
    /// <returns>The <see cref="IHttpClientBuilder"/> of the publisher's signed client.</returns>
    public static IHttpClientBuilder AddKeyedEventBridgePublisher<TEvent>(this IServiceCollection services, string name, Action<EventBridgePublisherOptions<TEvent>> configure)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(configure);
        (IHttpClientBuilder builder, string clientName) = AddCore<TEvent>(services, name, o => o.Configure(configure));
        services.AddKeyedSingleton<IEventBridgePublisher<TEvent>>(name, (provider, _) => Create<TEvent>(provider, name, clientName));
        return builder;
    }

    private static (IHttpClientBuilder Builder, string ClientName) AddCore<TEvent>(
        IServiceCollection services, string name, Action<OptionsBuilder<EventBridgePublisherOptions<TEvent>>> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddServiceAuthMetrics();
        services.AddFullJitterBackoff();
        string clientName = SingletonInstance.GetOrAdd<EventBridgePublisherRegistry>(services).Add(typeof(TEvent), name);
        OptionsBuilder<EventBridgePublisherOptions<TEvent>> options = services.AddOptions<EventBridgePublisherOptions<TEvent>>(name);
        configure(options);
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EventBridgePublisherOptions<TEvent>>, EventBridgePublisherOptionsValidator<TEvent>>());
        IHttpClientBuilder builder = services.AddHttpClient(clientName).AddSigV4Signing(static _ => { });
        services.AddOptions<SignedHttpClientOptions>(clientName)
            .Configure<IOptionsMonitor<EventBridgePublisherOptions<TEvent>>>((signed, eb) => ApplyTo(signed, eb.Get(name)));

        return (builder, clientName);
    }

    private static void ApplyTo<TEvent>(SignedHttpClientOptions signed, EventBridgePublisherOptions<TEvent> eb)
    {
        EventBusTarget? bus = EventBusTarget.TryParse(eb.EventBusName, out _);
        string? region = eb.Region ?? bus?.Region;
        signed.BaseAddress = eb.ServiceUrl ?? (region is null ? null : EventBusTarget.ServiceUrlFor(region, bus?.Partition));
        signed.Region = region;
        signed.Service = "events";
        signed.Credentials = eb.Credentials;
        signed.AssumeRole = eb.AssumeRole;
        signed.AllowInsecureHttp = eb.AllowInsecureHttp;
    }

    private static EventBridgePublisher<TEvent> Create<TEvent>(IServiceProvider provider, string name, string clientName)
    {
        var settings = new EventBridgePublisherSettings<TEvent>(provider.GetRequiredService<IOptionsMonitor<EventBridgePublisherOptions<TEvent>>>().Get(name));
        ILoggerFactory loggers = provider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        return new EventBridgePublisher<TEvent>(
            settings,
            new EventBridgeTransport(provider.GetRequiredService<IHttpClientFactory>(), clientName),
            provider.GetRequiredService<FullJitterBackoff>(),
            loggers.CreateLogger<EventBridgePublisher<TEvent>>(),
            provider.GetRequiredService<MessagingMetrics>());
    }
}
