using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Amazon.SQS.Model;
using ServiceAuth.Client.IntegrationTests.Testing;
using ServiceAuth.Client.SnsMessages;

namespace ServiceAuth.Client.IntegrationTests.Subscriptions;

/// <summary>SNS subscriptions to SQS queues: the topic policy decides who subscribes, the queue policy what arrives,
/// and every publish is fanned out as a signed envelope (or raw) that the real SQS client receives and deletes.</summary>
public sealed class SnsSubscriptionTests : IAsyncLifetime
{
    private SubscriptionWorld _world = null!;

    public async Task InitializeAsync() => _world = await SubscriptionWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Publish_ToAConfirmedQueue_ArrivesAsASignedEnvelopeTheVerifierAccepts(int signatureVersion)
    {
        _world.Topic.SignatureVersion = signatureVersion;
        (string url, string arn) = await _world.CreateQueueAsync("orders-b");
        string subscriptionArn = await _world.SubscribeAsync(_world.SubscriberB, SubscriptionWorld.TopicArn, arn);

        await _world.PublishAsync(SubscriptionWorld.TopicArn, """{"orderId":"42"}""", ("Subject", "OrderPlaced"),
            ("MessageAttributes.entry.1.Name", "kind"), ("MessageAttributes.entry.1.Value.DataType", "String"), ("MessageAttributes.entry.1.Value.StringValue", "order"));
        Message received = (await _world.ReceiveAsync(url)).ShouldHaveSingleItem();
        SnsMessageVerificationResult result = await _world.Verifier().VerifyAsync(received.Body);
        await _world.SqsB.DeleteMessageAsync(url, received.ReceiptHandle);

        subscriptionArn.ShouldStartWith(SubscriptionWorld.TopicArn + ":");
        result.IsVerified.ShouldBeTrue(result.ToString());
        result.Message!.Type.ShouldBe(SnsMessageType.Notification);
        result.Message.SignatureVersion.ShouldBe(signatureVersion);
        result.Message.Subject.ShouldBe("OrderPlaced");
        result.Message.Message.ShouldBe("""{"orderId":"42"}""");
        result.Message.MessageId.ShouldBe(_world.Topic.Deliveries.Single().MessageId);
        result.Message.MessageAttributes["kind"].Value.ShouldBe("order");
        received.Attributes["SenderId"].ShouldBe("AIDAIT2UOQQY3AUEKVGXU");
        using JsonDocument envelope = JsonDocument.Parse(received.Body);
        envelope.RootElement.GetProperty("UnsubscribeURL").GetString()!.ShouldContain(Uri.EscapeDataString(subscriptionArn));
        (await _world.ReceiveAsync(url)).ShouldBeEmpty();
    }

    [Fact]
    public async Task SigningCertUrl_ServesTheSigningCertificateWithoutASignature()
    {
        using var client = new HttpClient();

        string pem = await client.GetStringAsync(_world.Aws.SigningCertUrl);

        System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(pem).Thumbprint.ShouldBe(_world.Aws.SigningCertificate.Thumbprint);
        _world.Aws.SigningCertificate.Subject.ShouldBe("CN=sns.amazonaws.com");
    }

    [Fact]
    public async Task RawMessageDelivery_DeliversTheBodyAndAttributesAsIs()
    {
        (string url, string arn) = await _world.CreateQueueAsync("raw-b");
        await _world.SubscribeAsync(_world.SubscriberB, SubscriptionWorld.TopicArn, arn, raw: true);

        await _world.PublishAsync(SubscriptionWorld.TopicArn, "plain body",
            ("MessageAttributes.entry.1.Name", "kind"), ("MessageAttributes.entry.1.Value.DataType", "String"), ("MessageAttributes.entry.1.Value.StringValue", "order"));
        Message received = (await _world.ReceiveAsync(url)).ShouldHaveSingleItem();

        received.Body.ShouldBe("plain body");
        received.MessageAttributes["kind"].StringValue.ShouldBe("order");
    }

    [Fact]
    public async Task Subscribe_AnotherAccountsQueue_NeedsTheTopicPolicyToNameThatQueue()
    {
        (_, string named) = await _world.CreateQueueAsync("named-b");
        (_, string other) = await _world.CreateQueueAsync("other-b");
        _world.Topic.AllowSubscribe(_world.SubscriberB.Arn, "sqs", named);

        (HttpStatusCode status, XDocument xml) = await Subscribe(_world.SubscriberB, other);
        (HttpStatusCode wrongProtocol, _) = await _world.SnsAsync(_world.SubscriberB, ("Action", "Subscribe"), ("TopicArn", SubscriptionWorld.TopicArn), ("Protocol", "https"), ("Endpoint", named));
        (HttpStatusCode allowed, _) = await Subscribe(_world.SubscriberB, named);

        status.ShouldBe(HttpStatusCode.Forbidden);
        xml.Descendants(SignedSender.Sns + "Code").Single().Value.ShouldBe("AuthorizationError");
        wrongProtocol.ShouldBe(HttpStatusCode.Forbidden);
        allowed.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task CrossAccountSubscription_StaysPendingUntilConfirmed_WithTheTokenFromTheQueue()
    {
        (string url, string arn) = await _world.CreateQueueAsync("pending-b");

        (HttpStatusCode status, XDocument xml) = await Subscribe(_world.OwnerC, arn);   // the topic owner subscribes B's queue
        await _world.PublishAsync(SubscriptionWorld.TopicArn, "before confirmation");
        Message confirmation = (await _world.ReceiveAsync(url)).ShouldHaveSingleItem();
        SnsMessageVerificationResult verified = await _world.Verifier().VerifyAsync(confirmation.Body);
        using var client = new HttpClient();
        string confirmed = await client.GetStringAsync(verified.Message!.SubscribeUrl);
        await _world.SqsB.DeleteMessageAsync(url, confirmation.ReceiptHandle);
        await _world.PublishAsync(SubscriptionWorld.TopicArn, "after confirmation");
        Message notification = (await _world.ReceiveAsync(url)).ShouldHaveSingleItem();

        status.ShouldBe(HttpStatusCode.OK);
        xml.Descendants(SignedSender.Sns + "SubscriptionArn").Single().Value.ShouldBe("pending confirmation");
        verified.Message.Type.ShouldBe(SnsMessageType.SubscriptionConfirmation);
        verified.Message.Token.ShouldNotBeNullOrEmpty();
        confirmed.ShouldContain("<SubscriptionArn>" + SubscriptionWorld.TopicArn + ":");
        (await _world.Verifier().VerifyAsync(notification.Body)).Message!.Message.ShouldBe("after confirmation");
    }

    [Fact]
    public async Task QueueWhosePolicyDoesNotNameTheTopic_ReceivesNothing()
    {
        (string url, string arn) = await _world.CreateQueueAsync("no-policy-b", sourceArn: "arn:aws:sns:us-east-1:222222222222:another");
        await _world.SubscribeAsync(_world.SubscriberB, SubscriptionWorld.TopicArn, arn);

        await _world.PublishAsync(SubscriptionWorld.TopicArn, "dropped");

        (await _world.ReceiveAsync(url)).ShouldBeEmpty();
        _world.Topic.Deliveries.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task FifoTopicToFifoQueue_KeepsOrderAndDeduplication()
    {
        (string url, string arn) = await _world.CreateQueueAsync("orders-b.fifo", SubscriptionWorld.FifoTopicArn, fifo: true);
        await _world.SubscribeAsync(_world.SubscriberB, SubscriptionWorld.FifoTopicArn, arn, raw: true);

        foreach ((string body, string dedup) in new[] { ("1", "d1"), ("2", "d2"), ("2 again", "d2"), ("3", "d3") })
        {
            await _world.PublishAsync(SubscriptionWorld.FifoTopicArn, body, ("MessageGroupId", "g"), ("MessageDeduplicationId", dedup));
        }

        List<Message> received = await _world.ReceiveAsync(url);

        received.Select(m => m.Body).ShouldBe(["1", "2", "3"]);
        received.Select(m => m.Attributes["MessageGroupId"]).ShouldAllBe(g => g == "g");
        received.Select(m => m.Attributes["MessageDeduplicationId"]).ShouldBe(["d1", "d2", "d3"]);
    }

    [Fact]
    public async Task ListAndUnsubscribe_ThroughTheUnsubscribeUrl()
    {
        (string url, string arn) = await _world.CreateQueueAsync("listed-b");
        string subscriptionArn = await _world.SubscribeAsync(_world.SubscriberB, SubscriptionWorld.TopicArn, arn);

        (_, XDocument listed) = await _world.SnsAsync(_world.OwnerC, ("Action", "ListSubscriptionsByTopic"), ("TopicArn", SubscriptionWorld.TopicArn));
        await _world.PublishAsync(SubscriptionWorld.TopicArn, "m");
        Message received = (await _world.ReceiveAsync(url)).ShouldHaveSingleItem();
        using JsonDocument envelope = JsonDocument.Parse(received.Body);
        using var client = new HttpClient();
        using HttpResponseMessage unsubscribed = await client.GetAsync(new Uri(envelope.RootElement.GetProperty("UnsubscribeURL").GetString()!));
        (_, XDocument after) = await _world.SnsAsync(_world.OwnerC, ("Action", "ListSubscriptionsByTopic"), ("TopicArn", SubscriptionWorld.TopicArn));

        listed.Descendants(SignedSender.Sns + "SubscriptionArn").Single().Value.ShouldBe(subscriptionArn);
        listed.Descendants(SignedSender.Sns + "Endpoint").Single().Value.ShouldBe(arn);
        unsubscribed.StatusCode.ShouldBe(HttpStatusCode.OK);
        after.Descendants(SignedSender.Sns + "member").ShouldBeEmpty();
    }

    private Task<(HttpStatusCode, XDocument)> Subscribe(ServiceAuth.Client.Testing.LocalUser caller, string queueArn) =>
        _world.SnsAsync(caller, ("Action", "Subscribe"), ("TopicArn", SubscriptionWorld.TopicArn), ("Protocol", "sqs"), ("Endpoint", queueArn));
}
