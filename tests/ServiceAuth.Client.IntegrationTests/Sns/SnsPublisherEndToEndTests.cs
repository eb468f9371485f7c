using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ServiceAuth.Client.Sns;
using ServiceAuth.Client.Testing;

namespace ServiceAuth.Client.IntegrationTests.Sns;

/// <summary>
/// The typed publisher against <see cref="LocalAwsEndpoint"/>: our signer's signatures checked by the endpoint's
/// independent verifier, our awsQuery bodies read by its SNS implementation, its answers read by our parser.
/// </summary>
public sealed class SnsPublisherEndToEndTests : IAsyncDisposable
{
    private const string TopicArn = "arn:aws:sns:eu-west-1:222233334444:orders";
    private const string FifoArn = "arn:aws:sns:eu-west-1:222233334444:orders.fifo";
    private readonly FakeTimeProvider _time = new(TestClock.Start);
    private readonly LocalAwsEndpoint _endpoint;
    private readonly LocalUser _publisher;
    private readonly LocalTopic _topic;
    private readonly LocalTopic _fifo;

    public SnsPublisherEndToEndTests()
    {
        _endpoint = LocalAwsEndpoint.CreateInMemory(new LocalAwsEndpointOptions { TimeProvider = _time, Region = "eu-west-1" });
        _publisher = _endpoint.AddUser("publisher", "222233334444");
        _topic = _endpoint.AddTopic(TopicArn, _publisher.Arn);
        _fifo = _endpoint.AddTopic(FifoArn, _publisher.Arn);
    }

    [Fact]
    public async Task PublishAndBatch_AreVerifiedAndDelivered()
    {
        using ServiceProvider provider = Build<string>(TopicArn, _publisher);
        ISnsPublisher<string> publisher = provider.GetRequiredService<ISnsPublisher<string>>();

        SnsPublishResult single = await publisher.PublishAsync(new SnsMessage<string>("hello ü & =")
        {
            Subject = "Greeting",
            MessageAttributes = { ["s"] = SnsAttributeValue.FromString("text value"), ["b"] = SnsAttributeValue.FromBinary(new byte[] { 0, 1, 2, 255 }), ["n"] = SnsAttributeValue.FromNumber(42) },
        });
        SnsBatchResult batch = await publisher.PublishBatchAsync([.. Enumerable.Range(0, 25).Select(i => $"m{i}")]);

        batch.AllSucceeded.ShouldBeTrue();
        batch.RequestCount.ShouldBe(3);
        IReadOnlyList<SnsDelivery> deliveries = _topic.Deliveries;
        deliveries.Count.ShouldBe(26);
        SnsDelivery first = deliveries.Single(d => d.MessageId == single.MessageId);
        (first.Message, first.Subject, first.PublisherArn).ShouldBe(("hello ü & =", "Greeting", _publisher.Arn));
        first.MessageAttributes["s"].StringValue.ShouldBe("text value");
        first.MessageAttributes["b"].BinaryValue.ToArray().ShouldBe(new byte[] { 0, 1, 2, 255 });
        first.MessageAttributes["n"].StringValue.ShouldBe("42");
        deliveries.Select(d => d.MessageId).ShouldBe(deliveries.Select(d => d.MessageId).Distinct());
        batch.Entries.Select(e => e.MessageId).ShouldBeSubsetOf(deliveries.Select(d => d.MessageId));
    }

    [Fact]
    public async Task FifoBatch_KeepsOrder_AndReturnsSequenceNumbers()
    {
        using ServiceProvider provider = Build<string>(FifoArn, _publisher);
        ISnsPublisher<string> publisher = provider.GetRequiredService<ISnsPublisher<string>>();

        SnsBatchResult result = await publisher.PublishBatchAsync([.. Enumerable.Range(0, 15).Select(i => new SnsMessage<string>($"m{i}") { MessageGroupId = "g", MessageDeduplicationId = $"d{i}" })]);

        result.AllSucceeded.ShouldBeTrue();
        result.Entries.ShouldAllBe(e => e.SequenceNumber != null);
        _fifo.Deliveries.Select(d => d.Message).ShouldBe(Enumerable.Range(0, 15).Select(i => $"m{i}"));
    }

    [Fact]
    public async Task UnauthorizedPublisher_GetsAuthorizationError()
    {
        LocalUser outsider = _endpoint.AddUser("outsider", "444444444444");
        using ServiceProvider provider = Build<string>(TopicArn, outsider);

        SnsException ex = await Should.ThrowAsync<SnsException>(() => provider.GetRequiredService<ISnsPublisher<string>>().PublishAsync("m"));

        ex.Code.ShouldBe("AuthorizationError");
        ex.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        ex.RequestId.ShouldNotBeNullOrEmpty();
        _topic.Deliveries.ShouldBeEmpty();
    }

    [Fact]
    public async Task FailedBatchEntry_IsReportedForThatMessageOnly()
    {
        using ServiceProvider provider = Build<string>(TopicArn, _publisher, o => o.MaxBatchRetries = 0);
        _endpoint.Faults.FailBatchEntry("2", "InternalError");

        SnsBatchResult result = await provider.GetRequiredService<ISnsPublisher<string>>().PublishBatchAsync(["a", "b", "c", "d"]);

        result.Failed.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            e => e.Index.ShouldBe(2),
            e => e.ErrorCode.ShouldBe("InternalError"));
        _topic.Deliveries.Select(d => d.Message).ShouldBe(["a", "b", "d"]);
    }

    [Fact]
    public async Task CurrentActivity_ArrivesAsTraceparent()
    {
        using ServiceProvider provider = Build<string>(TopicArn, _publisher);
        using Activity activity = new Activity("checkout").SetIdFormat(ActivityIdFormat.W3C).Start();

        await provider.GetRequiredService<ISnsPublisher<string>>().PublishAsync("m");

        _topic.Deliveries.ShouldHaveSingleItem().MessageAttributes["traceparent"].StringValue!.ShouldContain(activity.TraceId.ToHexString());
    }

    public ValueTask DisposeAsync() => _endpoint.DisposeAsync();

    private ServiceProvider Build<TMessage>(string topicArn, LocalUser user, Action<SnsPublisherOptions<TMessage>>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_time);
        services.AddSnsPublisher<TMessage>(o =>
        {
            o.TopicArn = topicArn;
            o.ServiceUrl = _endpoint.BaseAddress;
            o.AllowInsecureHttp = true;
            o.Credentials = user.ToAwsCredentials();
            configure?.Invoke(o);
        }).ConfigurePrimaryHttpMessageHandler(_endpoint.CreateHandler);
        return services.BuildServiceProvider();
    }
}
