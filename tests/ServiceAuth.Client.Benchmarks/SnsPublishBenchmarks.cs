using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Extensions.DependencyInjection;
using ServiceAuth.Client.Sns;
using ServiceAuth.Client.Testing;

namespace ServiceAuth.Client.Benchmarks;

/// <summary>
/// 10,000 small messages through <see cref="ISnsPublisher{TMessage}.PublishBatchAsync(IEnumerable{TMessage}, CancellationToken)"/>
/// to the local endpoint on loopback Kestrel (which verifies every signature): 1,000 PublishBatch calls per
/// invocation, checked; the mean is per message.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 8, invocationCount: 1)]
public class SnsPublishBenchmarks
{
    private const int Messages = 10_000;
    private const string TopicArn = "arn:aws:sns:us-east-1:111111111111:bench";
    private LocalAwsEndpoint _aws = null!;
    private ServiceProvider _provider = null!;
    private ISnsPublisher<string> _publisher = null!;
    private string[] _messages = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _aws = await LocalAwsEndpoint.StartAsync();
        LocalUser publisher = _aws.AddUser("bench-publisher");
        _aws.AddTopic(TopicArn, publisher.Arn);
        var services = new ServiceCollection();
        services.AddSnsPublisher<string>(o =>
        {
            o.TopicArn = TopicArn;
            o.ServiceUrl = _aws.BaseAddress;
            o.Credentials = publisher.ToAwsCredentials();
            o.AddTraceContext = false;
        });
        _provider = services.BuildServiceProvider();
        _publisher = _provider.GetRequiredService<ISnsPublisher<string>>();
        _messages = Enumerable.Range(0, Messages).Select(i => $"{{\"orderId\":{i},\"status\":\"placed\"}}").ToArray();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _provider.DisposeAsync();
        await _aws.DisposeAsync();
    }

    [Benchmark(OperationsPerInvoke = Messages)]
    public async Task<int> PublishBatch_10000SmallMessages()
    {
        SnsBatchResult result = await _publisher.PublishBatchAsync(_messages);
        if (result.RequestCount != Messages / 10 || result.FailedCount != 0)
        {
            throw new InvalidOperationException($"Expected {Messages / 10} calls and no failures; got {result.RequestCount} calls and {result.FailedCount} failures.");
        }

        return result.RequestCount;
    }
}
