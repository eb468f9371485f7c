using System.Net;
using System.Text;
using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;
using ServiceAuth.Client.Sns;

namespace ServiceAuth.Client.Tests.Retry;

public sealed class AwsRetriesRegistrationTests
{
    private readonly FakeTimeProvider _time = new(TestClock.Start);
    private readonly CapturingHandler _wire = new();

    [Fact]
    public async Task AddAwsRetries_CalledTwice_ConfiguresOneHandlerNotTwo()
    {
        _wire.Respond = (_, _) => CapturingHandler.Error(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable");
        using ServiceProvider provider = Build(services => services
            .AddSignedHttpClient("orders", o =>
            {
                o.BaseAddress = new Uri("https://abc123.execute-api.eu-west-1.amazonaws.com/prod/");
                o.Credentials = new BasicAWSCredentials("AKIDEXAMPLE", "secret");
            })
            .AddAwsRetries(o => o.MaxRetryAttempts = 2)
            .AddAwsRetries()
            .ConfigurePrimaryHttpMessageHandler(() => _wire));

        Task<HttpResponseMessage> sending = provider.GetRequiredService<IHttpClientFactory>().CreateClient("orders").GetAsync("orders/1");
        await Eventually.DriveAsync(sending, _time, TimeSpan.FromMilliseconds(50));

        (await sending).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        _wire.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task SnsPublisher_WithAddAwsRetries_RetriesAThrottledPublishPost()
    {
        _wire.Respond = (_, n) => n == 1
            ? CapturingHandler.Error(HttpStatusCode.BadRequest, "Throttling")
            : new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent(
                    "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult><MessageId>m-2</MessageId></PublishResult>" +
                    "<ResponseMetadata><RequestId>r-2</RequestId></ResponseMetadata></PublishResponse>", Encoding.UTF8, "text/xml"),
            };
        using ServiceProvider provider = Build(services => services
            .AddSnsPublisher<string>(o =>
            {
                o.TopicArn = "arn:aws:sns:eu-west-1:222233334444:orders";
                o.Credentials = new BasicAWSCredentials("AKIDEXAMPLE", "secret");
                o.AddTraceContext = false;
            })
            .AddAwsRetries()
            .ConfigurePrimaryHttpMessageHandler(() => _wire));

        Task<SnsPublishResult> publishing = provider.GetRequiredService<ISnsPublisher<string>>().PublishAsync("hello");
        await Eventually.DriveAsync(publishing, _time, TimeSpan.FromMilliseconds(50));

        (await publishing).MessageId.ShouldBe("m-2");
        _wire.Requests.Count.ShouldBe(2);
        _wire.Requests.Select(s => s.Authorization).Distinct().Count().ShouldBe(2);
    }

    private ServiceProvider Build(Action<IServiceCollection> configure)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_time);
        configure(services);
        return services.BuildServiceProvider();
    }
}
