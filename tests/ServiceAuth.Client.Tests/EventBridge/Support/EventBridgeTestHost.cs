using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;
using ServiceAuth.Client.EventBridge;
using ServiceAuth.Client.Tests.Sns.Support;

namespace ServiceAuth.Client.Tests.EventBridge.Support;

/// <summary>A container with one EventBridge publisher whose signed client ends in a <see cref="CapturingHandler"/>.</summary>
public sealed class EventBridgeTestHost<TEvent> : IDisposable
{
    public const string BusArn = "arn:aws:events:eu-west-1:222233334444:event-bus/orders";

    private readonly ServiceProvider _provider;

    public EventBridgeTestHost(Action<EventBridgePublisherOptions<TEvent>>? configure = null, Func<CapturedRequest, HttpResponseMessage>? respond = null)
    {
        Handler = new CapturingHandler(respond ?? (r => EventBridgeResponses.Answer(r)));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddEventBridgePublisher<TEvent>(o =>
        {
            o.EventBusName = BusArn;
            o.Source = "com.example.orders";
            o.Credentials = new BasicAWSCredentials("AKIDEXAMPLE", "secret");
            o.AddTraceHeader = false;
            if (typeof(TEvent) == typeof(OrderShipped))
            {
                o.SerializerContext = EventBridgeTestJsonContext.Default;
            }
            else
            {
                o.DetailType = "Raw";
            }

            configure?.Invoke(o);
        }).ConfigurePrimaryHttpMessageHandler(() => Handler);
        _provider = services.BuildServiceProvider();
    }

    public CapturingHandler Handler { get; }

    public SignalingTimeProvider Time { get; } = new();

    public IEventBridgePublisher<TEvent> Publisher => _provider.GetRequiredService<IEventBridgePublisher<TEvent>>();

    public IServiceProvider Services => _provider;

    public void Dispose() => _provider.Dispose();
}
