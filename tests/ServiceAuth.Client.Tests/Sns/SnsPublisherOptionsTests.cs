using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ServiceAuth.Client.Sns;
using ServiceAuth.Client.Tests.Sns.Support;

namespace ServiceAuth.Client.Tests.Sns;

public sealed class SnsPublisherOptionsTests
{
    [Theory]
    [InlineData("arn:aws:sqs:eu-west-1:222233334444:orders", "TopicArn 'arn:aws:sqs:eu-west-1:222233334444:orders' is not valid")]
    [InlineData("arn:aws:sns:eu-west-1:2222:orders", "account '2222' is not a 12-digit AWS account id")]
    [InlineData("arn:aws:sns:europe:222233334444:orders", "region 'europe' is not an AWS region name")]
    [InlineData("arn:aws:sns:eu-west-1:222233334444:or/ders", "topic name 'or/ders'")]
    [InlineData("orders", "it must look like arn:aws:sns:")]
    public void BadTopicArn_FailsNamingTheValue(string arn, string expected) =>
        Failure<string>(o => o.TopicArn = arn).ShouldContain(expected);

    [Fact]
    public void MissingTopicArn_Fails() => Failure<string>(o => o.TopicArn = null).ShouldContain("TopicArn is required");

    [Fact]
    public void RegionMismatch_Fails() =>
        Failure<string>(o => o.Region = "us-east-1").ShouldContain("Region 'us-east-1' does not match the topic's region 'eu-west-1'");

    [Theory]
    [InlineData(1023)]
    [InlineData(1_048_577)]
    public void MaxMessageBytesOutOfRange_Fails(int value) =>
        Failure<string>(o => o.MaxMessageBytes = value).ShouldContain($"MaxMessageBytes {value} must be between 1024 and 1048576");

    [Fact]
    public void ContentBasedDeduplicationOnStandardTopic_Fails() =>
        Failure<string>(o => o.ContentBasedDeduplication = true).ShouldContain("ContentBasedDeduplication is only valid on FIFO topics");

    [Fact]
    public void MissingJsonTypeInfoForTypedMessages_Fails() =>
        Failure<OrderPlaced>(o => o.SerializerContext = null).ShouldContain("JsonTypeInfo is required to serialize OrderPlaced");

    [Fact]
    public void RelativeServiceUrl_Fails() =>
        Failure<string>(o => o.ServiceUrl = new Uri("/sns", UriKind.Relative)).ShouldContain("ServiceUrl '/sns' must be an absolute URI");

    [Fact]
    public async Task InvalidOptions_FailTheHostAtStartup()
    {
        using IHost host = Host.CreateDefaultBuilder()
            .ConfigureServices(s => s.AddSnsPublisher<string>(o =>
            {
                o.TopicArn = "arn:aws:sns:eu-west-1:222233334444:orders";
                o.Credentials = new BasicAWSCredentials("AKIDEXAMPLE", "secret");
                o.MaxBatchRetries = 11;
            }))
            .Build();

        Exception ex = await Should.ThrowAsync<Exception>(() => host.StartAsync());

        Exception[] failures = ex is AggregateException aggregate ? [.. aggregate.Flatten().InnerExceptions] : [ex];
        failures.ShouldAllBe(f => f is OptionsValidationException);
        failures.ShouldContain(f => f.Message.Contains("MaxBatchRetries 11 must be between 0 and 10", StringComparison.Ordinal));
    }

    [Fact]
    public async Task JsonTypeInfo_SerializesTheMessage()
    {
        using var host = new SnsTestHost<OrderPlaced>(o => (o.SerializerContext, o.JsonTypeInfo) = (null, SnsTestJsonContext.Default.OrderPlaced));

        await host.Publisher.PublishAsync(new OrderPlaced("o-9", 1m));

        host.Handler.Requests.ShouldHaveSingleItem()["Message"].ShouldBe("""{"OrderId":"o-9","Total":1}""");
    }

    [Fact]
    public async Task KeyedPublishers_SendTheSameTypeToDifferentTopics()
    {
        var handler = new CapturingHandler(SnsResponses.Default);
        var services = new ServiceCollection();
        foreach (string topic in new[] { "eu", "us" })
        {
            services.AddKeyedSnsPublisher<string>(topic, o =>
            {
                o.TopicArn = topic == "eu" ? "arn:aws:sns:eu-west-1:222233334444:orders" : "arn:aws:sns:us-east-1:222233334444:orders";
                o.Credentials = new BasicAWSCredentials("AKIDEXAMPLE", "secret");
            }).ConfigurePrimaryHttpMessageHandler(() => handler);
        }

        using ServiceProvider provider = services.BuildServiceProvider();
        await provider.GetRequiredKeyedService<ISnsPublisher<string>>("eu").PublishAsync("a");
        await provider.GetRequiredKeyedService<ISnsPublisher<string>>("us").PublishAsync("b");

        handler.Requests.Select(r => (r.Uri.Host, r["TopicArn"]!.Split(':')[3])).ShouldBe([("sns.eu-west-1.amazonaws.com", "eu-west-1"), ("sns.us-east-1.amazonaws.com", "us-east-1")]);
        handler.Requests[1].Headers["Authorization"].ShouldContain("/us-east-1/sns/aws4_request");
    }

    [Fact]
    public void ChinaPartition_UsesTheChinaEndpoint()
    {
        var services = new ServiceCollection();
        services.AddSnsPublisher<string>(o => (o.TopicArn, o.Credentials) = ("arn:aws-cn:sns:cn-north-1:222233334444:orders", new BasicAWSCredentials("AKIDEXAMPLE", "secret")));
        using ServiceProvider provider = services.BuildServiceProvider();

        HttpClient client = provider.GetRequiredService<IHttpClientFactory>().CreateClient($"ServiceAuth.Sns:{typeof(string).FullName}");

        client.BaseAddress.ShouldBe(new Uri("https://sns.cn-north-1.amazonaws.com.cn/"));
    }

    private static string Failure<TMessage>(Action<SnsPublisherOptions<TMessage>> configure)
    {
        using var host = new SnsTestHost<TMessage>(configure);
        return Should.Throw<OptionsValidationException>(() => host.Publisher).Message;
    }
}
