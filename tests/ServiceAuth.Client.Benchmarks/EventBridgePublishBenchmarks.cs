using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Extensions.DependencyInjection;
using ServiceAuth.Client.EventBridge;
using ServiceAuth.Client.Testing;

namespace ServiceAuth.Client.Benchmarks;

/// <summary>
/// 10,000 small events through <see cref="IEventBridgePublisher{TEvent}.PublishBatchAsync(IEnumerable{TEvent}, CancellationToken)"/>
/// to the local endpoint on loopback Kestrel (which verifies every signature and validates every entry): 1,000 PutEvents
/// calls per invocation, checked; the mean is per event.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 8, invocationCount: 1)]
public class EventBridgePublishBenchmarks
{
    private const int Events = 10_000;
    private const string BusArn = "arn:aws:events:us-east-1:111111111111:event-bus/bench";
    private LocalAwsEndpoint _aws = null!;
    private ServiceProvider _provider = null!;
    private IEventBridgePublisher<string> _publisher = null!;
    private string[] _events = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _aws = await LocalAwsEndpoint.StartAsync();
        LocalUser publisher = _aws.AddUser("bench-publisher");
        _aws.AddEventBus(BusArn, publisher.Arn);
        var services = new ServiceCollection();
        services.AddEventBridgePublisher<string>(o =>
        {
            o.EventBusName = BusArn;
            o.Source = "com.example.bench";
            o.DetailType = "OrderPlaced";
            o.ServiceUrl = _aws.BaseAddress;
            o.Credentials = publisher.ToAwsCredentials();
            o.AddTraceHeader = false;
        });
        _provider = services.BuildServiceProvider();
        _publisher = _provider.GetRequiredService<IEventBridgePublisher<string>>();
        _events = Enumerable.Range(0, Events).Select(i => $"{{\"orderId\":{i},\"status\":\"placed\"}}").ToArray();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _provider.DisposeAsync();
        await _aws.DisposeAsync();
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public async Task<int> PublishBatch_10000SmallEvents()
    {
        EventBridgeBatchResult result = await _publisher.PublishBatchAsync(_events);
        if (result.RequestCount != Events / 10 || result.FailedCount != 0)
        {
            throw new InvalidOperationException($"Expected {Events / 10} calls and no failures; got {result.RequestCount} calls and {result.FailedCount} failures.");
        }

        return result.RequestCount;
    }
}
