using Amazon.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ServiceAuth.Client.EventBridge;
using ServiceAuth.Client.Tests.EventBridge.Support;
using ServiceAuth.Client.Tests.Sns.Support;

namespace ServiceAuth.Client.Tests.EventBridge;

public sealed class EventBridgePublisherOptionsTests
{
    [Theory]
    [InlineData("arn:aws:sns:eu-west-1:222233334444:orders", "a bus ARN must look like arn:aws:events:")]
    [InlineData("arn:aws:events:eu-west-1:2222:event-bus/orders", "account '2222' is not a 12-digit AWS account id")]
    [InlineData("arn:aws:events:europe:222233334444:event-bus/orders", "region 'europe' is not an AWS region name")]
    [InlineData("arn:aws:events:eu-west-1:222233334444:event-bus/or ders", "bus name 'or ders'")]
    [InlineData("or ders", "bus name 'or ders' must be 1 to 256 characters")]
    [InlineData(null, "it must be a bus name such as")]
    public void BadEventBusName_FailsNamingTheValue(string? bus, string expected) =>
        Failure<string>(o => o.EventBusName = bus).ShouldContain(expected);

    [Fact]
    public void BusNameWithoutRegion_Fails() =>
        Failure<string>(o => o.EventBusName = "orders").ShouldContain("EventBusName 'orders' is a name, so set Region");

    [Fact]
    public void RegionMismatch_Fails() =>
        Failure<string>(o => o.Region = "us-east-1").ShouldContain("Region 'us-east-1' is not valid or does not match the bus ARN's region 'eu-west-1'");

    [Theory]
    [InlineData("aws.orders", "Source 'aws.orders' starts with \"aws.\"")]
    [InlineData(null, "Source '' is required")]
    public void BadSource_Fails(string? source, string expected) => Failure<string>(o => o.Source = source).ShouldContain(expected);

    [Fact]
    public void RawPublisherWithoutDetailType_Fails() => Failure<string>(o => o.DetailType = null).ShouldContain("DetailType '' is required");

    [Theory]
    [InlineData(1023)]
    [InlineData(1_048_577)]
    public void MaxRequestBytesOutOfRange_Fails(int value) =>
        Failure<string>(o => o.MaxRequestBytes = value).ShouldContain($"MaxRequestBytes {value} must be between 1024 and 1048576");

    [Fact]
    public void MissingJsonTypeInfoForTypedEvents_Fails() =>
        Failure<OrderShipped>(o => o.SerializerContext = null).ShouldContain("JsonTypeInfo is required to serialize OrderShipped");

    [Fact]
    public async Task InvalidOptions_FailTheHostAtStartup()
    {
        using IHost host = Host.CreateDefaultBuilder()
            .ConfigureServices(s => s.AddEventBridgePublisher<string>(o =>
            {
                o.EventBusName = EventBridgeTestHost<string>.BusArn;
                o.Source = "com.example";
                o.DetailType = "T";
                o.MaxConcurrentBatchRequests = 0;
            }))
            .Build();

        Exception ex = await Should.ThrowAsync<Exception>(() => host.StartAsync());

        Exception[] failures = ex is AggregateException aggregate ? [.. aggregate.Flatten().InnerExceptions] : [ex];
        failures.ShouldContain(f => f is OptionsValidationException && f.Message.Contains("MaxConcurrentBatchRequests 0 must be between 1 and 64", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BusNameWithRegion_SignsForThatRegion_AndSendsTheName()
    {
        using var host = new EventBridgeTestHost<string>(o => (o.EventBusName, o.Region) = ("default", "ap-southeast-2"));

        await host.Publisher.PublishAsync("{}");

        CapturedRequest request = host.Handler.Requests.ShouldHaveSingleItem();
        request.Uri.ShouldBe(new Uri("https://events.ap-southeast-2.amazonaws.com/"));
        request.Headers["Authorization"].ShouldContain("/ap-southeast-2/events/aws4_request");
        EventBridgeResponses.Entries(request)[0].GetProperty("EventBusName").GetString().ShouldBe("default");
    }

    [Fact]
    public void ChinaPartition_UsesTheChinaEndpoint()
    {
        var services = new ServiceCollection();
        services.AddEventBridgePublisher<string>(o => (o.EventBusName, o.Source, o.DetailType, o.Credentials) = ("arn:aws-cn:events:cn-north-1:222233334444:event-bus/orders", "s", "t", new BasicAWSCredentials("AKIDEXAMPLE", "secret")));
        using ServiceProvider provider = services.BuildServiceProvider();

        HttpClient client = provider.GetRequiredService<IHttpClientFactory>().CreateClient($"ServiceAuth.EventBridge:{typeof(string).FullName}");

        client.BaseAddress.ShouldBe(new Uri("https://events.cn-north-1.amazonaws.com.cn/"));
    }

    [Fact]
    public void ConfigurationSection_BindsEveryOption()
    {
        IConfigurationSection section = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Events:EventBusName"] = "arn:aws:events:eu-central-1:222233334444:event-bus/orders",
            ["Events:Source"] = "com.example.orders",
            ["Events:DetailType"] = "OrderShipped",
            ["Events:Resources:0"] = "arn:aws:s3:::a",
            ["Events:Resources:1"] = "arn:aws:s3:::b",
            ["Events:AddTraceHeader"] = "false",
            ["Events:MaxRequestBytes"] = "524288",
            ["Events:MaxBatchRetries"] = "5",
            ["Events:MaxConcurrentBatchRequests"] = "2",
            ["Events:AssumeRole:RoleArn"] = "arn:aws:iam::222233334444:role/publisher",
        }).Build().GetSection("Events");
        var services = new ServiceCollection();
        services.AddEventBridgePublisher<OrderShipped>(section, o => o.JsonTypeInfo = EventBridgeTestJsonContext.Default.OrderShipped);
        using ServiceProvider provider = services.BuildServiceProvider();

        EventBridgePublisherOptions<OrderShipped> options = provider.GetRequiredService<IOptionsMonitor<EventBridgePublisherOptions<OrderShipped>>>().Get(Options.DefaultName);

        options.EventBusName.ShouldBe("arn:aws:events:eu-central-1:222233334444:event-bus/orders");
        options.Resources.ShouldBe(["arn:aws:s3:::a", "arn:aws:s3:::b"]);
        (options.Source, options.DetailType, options.AddTraceHeader).ShouldBe(("com.example.orders", "OrderShipped", false));
        (options.MaxRequestBytes, options.MaxBatchRetries, options.MaxConcurrentBatchRequests).ShouldBe((524288, 5, 2));
        options.AssumeRole!.RoleArn.ShouldBe("arn:aws:iam::222233334444:role/publisher");
        options.JsonTypeInfo.ShouldNotBeNull();
    }

    [Fact]
    public void ConfigurationSection_UnknownKey_FailsNamingIt()
    {
        IConfigurationSection section = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Events:EventBusName"] = "orders",
            ["Events:TopicArn"] = "x",
        }).Build().GetSection("Events");
        var services = new ServiceCollection();
        services.AddEventBridgePublisher<string>(section);
        using ServiceProvider provider = services.BuildServiceProvider();

        Should.Throw<InvalidOperationException>(() => provider.GetRequiredService<IOptionsMonitor<EventBridgePublisherOptions<string>>>().Get(Options.DefaultName))
            .Message.ShouldContain("configuration key 'Events:TopicArn' is not an option");
    }

    private static string Failure<TEvent>(Action<EventBridgePublisherOptions<TEvent>> configure)
    {
        using var host = new EventBridgeTestHost<TEvent>(configure);
        return Should.Throw<OptionsValidationException>(() => host.Publisher).Message;
    }
}
