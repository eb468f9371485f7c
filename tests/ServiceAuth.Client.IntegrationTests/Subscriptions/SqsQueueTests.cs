using System.Net;
using Amazon.SQS;
using Amazon.SQS.Model;

namespace ServiceAuth.Client.IntegrationTests.Subscriptions;

/// <summary>The endpoint's SQS queues, driven by the real AWSSDK.SQS 4.1 client (awsJson 1.0).</summary>
public sealed class SqsQueueTests : IAsyncLifetime
{
    private SubscriptionWorld _world = null!;

    public async Task InitializeAsync() => _world = await SubscriptionWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task SendReceiveDelete_WithAttributes_RoundTripsThroughTheSdk()
    {
        (string url, string arn) = await _world.CreateQueueAsync("orders-b", sourceArn: null);

        SendMessageResponse sent = await _world.SqsB.SendMessageAsync(new SendMessageRequest
        {
            QueueUrl = url,
            MessageBody = "hello ü",
            MessageAttributes = new Dictionary<string, MessageAttributeValue>
            {
                ["kind"] = new() { DataType = "String", StringValue = "order" },
                ["blob"] = new() { DataType = "Binary", BinaryValue = new MemoryStream([0, 1, 2, 255]) },
            },
        });
        Message received = (await _world.ReceiveAsync(url)).ShouldHaveSingleItem();
        DeleteMessageResponse deleted = await _world.SqsB.DeleteMessageAsync(url, received.ReceiptHandle);

        arn.ShouldBe("arn:aws:sqs:us-east-1:333333333333:orders-b");
        received.MessageId.ShouldBe(sent.MessageId);
        received.Body.ShouldBe("hello ü");
        received.MessageAttributes["kind"].StringValue.ShouldBe("order");
        received.MessageAttributes["blob"].BinaryValue.ToArray().ShouldBe(new byte[] { 0, 1, 2, 255 });
        received.Attributes["SenderId"].ShouldNotBeNullOrEmpty();
        deleted.HttpStatusCode.ShouldBe(HttpStatusCode.OK);
        (await _world.ReceiveAsync(url)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Receive_HidesForTheVisibilityTimeout_OnTheEndpointClock()
    {
        (string url, _) = await _world.CreateQueueAsync("visibility", sourceArn: null);
        await _world.SqsB.SendMessageAsync(url, "once");

        Message first = (await _world.ReceiveAsync(url)).ShouldHaveSingleItem();
        List<Message> hidden = await _world.ReceiveAsync(url);
        _world.Time.Advance(TimeSpan.FromSeconds(31));
        Message again = (await _world.ReceiveAsync(url)).ShouldHaveSingleItem();

        hidden.ShouldBeEmpty();
        again.MessageId.ShouldBe(first.MessageId);
        again.Attributes["ApproximateReceiveCount"].ShouldBe("2");
        AmazonSQSException stale = await Should.ThrowAsync<AmazonSQSException>(() => _world.SqsB.DeleteMessageAsync(url, "not-a-handle"));
        stale.ErrorCode.ShouldBe("ReceiptHandleIsInvalid");
    }

    [Fact]
    public async Task FifoQueue_KeepsGroupOrder_AndDeduplicates()
    {
        (string url, _) = await _world.CreateQueueAsync("orders.fifo", sourceArn: null, fifo: true);
        foreach ((string body, string dedup) in new[] { ("1", "a"), ("2", "b"), ("1 again", "a"), ("3", "c") })
        {
            await _world.SqsB.SendMessageAsync(new SendMessageRequest { QueueUrl = url, MessageBody = body, MessageGroupId = "g", MessageDeduplicationId = dedup });
        }

        Message head = (await _world.ReceiveAsync(url, max: 1)).ShouldHaveSingleItem();
        List<Message> blocked = await _world.ReceiveAsync(url);
        await _world.SqsB.DeleteMessageAsync(url, head.ReceiptHandle);
        List<Message> rest = await _world.ReceiveAsync(url);

        head.Body.ShouldBe("1");
        blocked.ShouldBeEmpty();
        rest.Select(m => m.Body).ShouldBe(["2", "3"]);
        rest[0].Attributes["MessageGroupId"].ShouldBe("g");
        AmazonSQSException missingGroup = await Should.ThrowAsync<AmazonSQSException>(() => _world.SqsB.SendMessageAsync(url, "no group"));
        missingGroup.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Queue_IsTheOwnersAccountOnly_AndUnknownQueuesDoNotExist()
    {
        (string url, _) = await _world.CreateQueueAsync("private", sourceArn: null);
        using AmazonSQSClient outsider = _world.Sqs(_world.PublisherA);

        AmazonSQSException denied = await Should.ThrowAsync<AmazonSQSException>(() => outsider.SendMessageAsync(url, "x"));
        await Should.ThrowAsync<QueueDoesNotExistException>(() => _world.SqsB.GetQueueUrlAsync("missing"));

        denied.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await _world.SqsB.GetQueueUrlAsync("private")).QueueUrl.ShouldBe(url);
    }

    [Fact]
    public async Task QueueAttributes_PolicyIsStoredAndReturned()
    {
        (string url, string arn) = await _world.CreateQueueAsync("with-policy");

        GetQueueAttributesResponse attributes = await _world.SqsB.GetQueueAttributesAsync(url, ["All"]);

        attributes.Policy.ShouldBe(SubscriptionWorld.QueuePolicyFor(arn, SubscriptionWorld.TopicArn));
        attributes.VisibilityTimeout.ShouldBe(30);
    }
}
