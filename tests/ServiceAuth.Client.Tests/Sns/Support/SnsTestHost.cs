using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;
using ServiceAuth.Client.Sns;

namespace ServiceAuth.Client.Tests.Sns.Support;

/// <summary>A container with one SNS publisher whose signed client ends in a <see cref="CapturingHandler"/>.</summary>
public sealed class SnsTestHost<TMessage> : IDisposable
{
    public const string TopicArn = "arn:aws:sns:eu-west-1:222233334444:orders";
    public const string FifoTopicArn = "arn:aws:sns:eu-west-1:222233334444:orders.fifo";

    private readonly ServiceProvider _provider;

    public SnsTestHost(Action<SnsPublisherOptions<TMessage>>? configure = null, Func<CapturedRequest, HttpResponseMessage>? respond = null)
    {
        Handler = new CapturingHandler(respond ?? SnsResponses.Default);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddSnsPublisher<TMessage>(o =>
        {
            o.TopicArn = TopicArn;
            o.Credentials = new BasicAWSCredentials("AKIDEXAMPLE", "secret");
            o.AddTraceContext = false;
            if (typeof(TMessage) == typeof(OrderPlaced))
            {
                o.SerializerContext = SnsTestJsonContext.Default;
            }

            configure?.Invoke(o);
        }).ConfigurePrimaryHttpMessageHandler(() => Handler);
        _provider = services.BuildServiceProvider();
    }

    public CapturingHandler Handler { get; }

    public SignalingTimeProvider Time { get; } = new();

    public ISnsPublisher<TMessage> Publisher => _provider.GetRequiredService<ISnsPublisher<TMessage>>();

    public IServiceProvider Services => _provider;

    public void Dispose() => _provider.Dispose();
}
