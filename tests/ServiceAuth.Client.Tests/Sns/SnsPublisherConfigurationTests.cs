using Amazon.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServiceAuth.Client.Sns;
using ServiceAuth.Client.TestUtilities;

namespace ServiceAuth.Client.Tests.Sns;

/// <summary>SNS publishers bound from configuration sections, plain and keyed.</summary>
public sealed class SnsPublisherConfigurationTests
{
    private const string PublishResponse = "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult><MessageId>m-1</MessageId></PublishResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></PublishResponse>";

    private readonly CapturingHandler _wire = new(_ => CapturingHandler.Xml(PublishResponse));

    [Fact]
    public async Task PlainAndKeyedPublishers_FromSections_PublishToTheirTopics()
    {
        IConfiguration configuration = Configuration(new()
        {
            ["Sns:Orders:TopicArn"] = "arn:aws:sns:eu-west-1:222233334444:orders",
            ["Sns:Orders:MaxBatchRetries"] = "1",
            ["Sns:Audit:TopicArn"] = "arn:aws:sns:us-east-2:222233334444:audit",
            ["Sns:Audit:AddTraceContext"] = "false",
        });
        var services = new ServiceCollection();
        services.AddSnsPublisher<string>(configuration.GetSection("Sns:Orders"), Credentials).ConfigurePrimaryHttpMessageHandler(() => _wire);
        services.AddKeyedSnsPublisher<string>("audit", configuration.GetSection("Sns:Audit"), Credentials).ConfigurePrimaryHttpMessageHandler(() => _wire);
        using ServiceProvider provider = services.BuildServiceProvider();

        await provider.GetRequiredService<ISnsPublisher<string>>().PublishAsync(new SnsMessage<string>("a"));
        await provider.GetRequiredKeyedService<ISnsPublisher<string>>("audit").PublishAsync(new SnsMessage<string>("b"));

        _wire.Requests.Select(r => (r.Uri.Host, r["TopicArn"])).ShouldBe([
            ("sns.eu-west-1.amazonaws.com", "arn:aws:sns:eu-west-1:222233334444:orders"),
            ("sns.us-east-2.amazonaws.com", "arn:aws:sns:us-east-2:222233334444:audit")]);
        provider.GetRequiredService<IOptionsMonitor<SnsPublisherOptions<string>>>().Get("audit").AddTraceContext.ShouldBeFalse();
        provider.GetRequiredService<IOptionsMonitor<SnsPublisherOptions<string>>>().Get(Options.DefaultName).MaxBatchRetries.ShouldBe(1);
    }

    [Fact]
    public void Section_UnknownKey_Fails()
    {
        var services = new ServiceCollection();
        services.AddSnsPublisher<string>(Configuration(new() { ["Sns:TopicArn"] = "arn:aws:sns:eu-west-1:222233334444:orders", ["Sns:Topic"] = "x" }).GetSection("Sns"), Credentials);
        using ServiceProvider provider = services.BuildServiceProvider();

        Should.Throw<InvalidOperationException>(() => provider.GetRequiredService<IOptionsMonitor<SnsPublisherOptions<string>>>().Get(Options.DefaultName)).Message.ShouldContain("Topic");
    }

    [Fact]
    public void Section_Missing_FailsAtRegistration()
    {
        var services = new ServiceCollection();

        Should.Throw<ServiceAuthException>(() => services.AddSnsPublisher<string>(Configuration([]).GetSection("Sns"))).Message.ShouldContain("'Sns' is missing");
    }

    private static void Credentials(SnsPublisherOptions<string> o) => o.Credentials = new BasicAWSCredentials("AKIDEXAMPLE", "secret");

    private static IConfiguration Configuration(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
