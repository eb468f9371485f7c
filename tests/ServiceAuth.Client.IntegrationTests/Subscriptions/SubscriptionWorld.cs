using System.Xml.Linq;
using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.Extensions.DependencyInjection;
using ServiceAuth.Client.IntegrationTests.Testing;
using ServiceAuth.Client.SnsMessages;
using ServiceAuth.Client.Testing;

namespace ServiceAuth.Client.IntegrationTests.Subscriptions;

/// <summary>
/// C owns a topic (account 222222222222) that A publishes to; B (333333333333) reads its own queue with the real
/// AWSSDK.SQS client. The endpoint runs on Kestrel on a fake clock that starts at the real time (the SDK signs with
/// the real clock), so visibility timeouts and the verifier's window move only when a test advances it.
/// </summary>
internal sealed class SubscriptionWorld : IAsyncDisposable
{
    public const string TopicArn = "arn:aws:sns:us-east-1:222222222222:orders";
    public const string FifoTopicArn = "arn:aws:sns:us-east-1:222222222222:orders.fifo";

    private readonly List<ServiceProvider> _providers = [];

    private SubscriptionWorld(LocalAwsEndpoint aws, FakeTimeProvider time)
    {
        Aws = aws;
        Time = time;
        OwnerC = aws.AddUser("service-c", "222222222222");
        PublisherA = aws.AddUser("service-a", "111111111111");
        SubscriberB = aws.AddUser("service-b", "333333333333");
        Topic = aws.AddTopic(TopicArn, PublisherA.Arn);
        FifoTopic = aws.AddTopic(FifoTopicArn, PublisherA.Arn);
        Sender = new SignedSender(aws, time);
        SqsB = Sqs(SubscriberB);
    }

    public LocalAwsEndpoint Aws { get; }

    public FakeTimeProvider Time { get; }

    public LocalUser OwnerC { get; }

    public LocalUser PublisherA { get; }

    public LocalUser SubscriberB { get; }

    public LocalTopic Topic { get; }

    public LocalTopic FifoTopic { get; }

    public SignedSender Sender { get; }

    public AmazonSQSClient SqsB { get; }

    public static async Task<SubscriptionWorld> StartAsync()
    {
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        return new SubscriptionWorld(await LocalAwsEndpoint.StartAsync(new LocalAwsEndpointOptions { TimeProvider = time }), time);
    }

    public AmazonSQSClient Sqs(LocalUser user) => new(user.ToAwsCredentials(), new AmazonSQSConfig
    {
        ServiceURL = Aws.BaseAddress.ToString(),
        AuthenticationRegion = "us-east-1",
        MaxErrorRetry = 0,
    });

    /// <summary>Creates B's queue with a policy letting <paramref name="sourceArn"/> (a topic) send to it, and returns (url, arn).</summary>
    public async Task<(string Url, string Arn)> CreateQueueAsync(string name, string? sourceArn = TopicArn, bool fifo = false)
    {
        var attributes = new Dictionary<string, string>();
        if (fifo)
        {
            attributes["FifoQueue"] = "true";
        }

        string url = (await SqsB.CreateQueueAsync(new CreateQueueRequest { QueueName = name, Attributes = attributes })).QueueUrl;
        string arn = (await SqsB.GetQueueAttributesAsync(url, ["QueueArn"])).QueueARN;
        if (sourceArn is not null)
        {
            await SqsB.SetQueueAttributesAsync(url, new Dictionary<string, string> { ["Policy"] = QueuePolicyFor(arn, sourceArn) });
        }

        return (url, arn);
    }

    public static string QueuePolicyFor(string queueArn, string topicArn) =>
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"sns.amazonaws.com\"},\"Action\":\"sqs:SendMessage\",\"Resource\":\"" + queueArn + "\",\"Condition\":{\"ArnEquals\":{\"aws:SourceArn\":\"" + topicArn + "\"}}}]}";

    public async Task<(System.Net.HttpStatusCode Status, XDocument Xml)> SnsAsync(LocalUser caller, params (string Name, string Value)[] fields)
    {
        using HttpResponseMessage response = await Sender.PostFormAsync("sns", caller.Credentials, [("Version", "2010-03-31"), .. fields]);
        return (response.StatusCode, await SignedSender.ReadXmlAsync(response));
    }

    /// <summary>C's topic policy names the queue for the caller (as C would for B), then the caller subscribes it.</summary>
    public async Task<string> SubscribeAsync(LocalUser caller, string topicArn, string queueArn, bool raw = false)
    {
        (topicArn == TopicArn ? Topic : FifoTopic).AllowSubscribe(caller.Arn, "sqs", queueArn);
        (System.Net.HttpStatusCode status, XDocument xml) = await SnsAsync(caller, [("Action", "Subscribe"), ("TopicArn", topicArn), ("Protocol", "sqs"), ("Endpoint", queueArn),
            .. raw ? new[] { ("Attributes.entry.1.key", "RawMessageDelivery"), ("Attributes.entry.1.value", "true") } : []]);
        status.ShouldBe(System.Net.HttpStatusCode.OK, xml.ToString());
        return xml.Descendants(SignedSender.Sns + "SubscriptionArn").Single().Value;
    }

    public async Task PublishAsync(string topicArn, string message, params (string Name, string Value)[] extra)
    {
        (System.Net.HttpStatusCode status, XDocument xml) = await SnsAsync(PublisherA, [("Action", "Publish"), ("TopicArn", topicArn), ("Message", message), .. extra]);
        status.ShouldBe(System.Net.HttpStatusCode.OK, xml.ToString());
    }

    public async Task<List<Message>> ReceiveAsync(string queueUrl, int max = 10) =>
        (await SqsB.ReceiveMessageAsync(new ReceiveMessageRequest
        {
            QueueUrl = queueUrl,
            MaxNumberOfMessages = max,
            MessageAttributeNames = ["All"],
            MessageSystemAttributeNames = ["All"],
        })).Messages ?? [];

    /// <summary>A verifier that trusts the endpoint's certificate and nothing else, on the endpoint's clock.</summary>
    public ISnsMessageVerifier Verifier(Action<SnsMessageVerifierOptions>? configure = null, HttpMessageHandler? certificateHandler = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        IHttpClientBuilder certificates = services.AddSnsMessageVerifier(o =>
        {
            o.TestSigningCertificate = Aws.SigningCertificate;
            o.TestSigningCertUrl = Aws.SigningCertUrl;
            o.AllowedTopicArns.Add(TopicArn);
            o.AllowedTopicArns.Add(FifoTopicArn);
            configure?.Invoke(o);
        });
        if (certificateHandler is not null)
        {
            certificates.ConfigurePrimaryHttpMessageHandler(() => certificateHandler);
        }

        _providers.Add(services.BuildServiceProvider());
        return _providers[^1].GetRequiredService<ISnsMessageVerifier>();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (ServiceProvider provider in _providers)
        {
            await provider.DisposeAsync();
        }

        SqsB.Dispose();
        Sender.Dispose();
        await Aws.DisposeAsync();
    }
}
