using System.Net;
using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ServiceAuth.Client.Sns;

namespace ServiceAuth.Client.Tests.Retry;

/// <summary>Issue 18, package split: the publishers no longer configure <c>AddAwsRetries</c> (which moved to
/// ServiceAuth.Client.Resilience); they mark their POSTs with <see cref="ServiceAuthRequestOptions.RetrySafe"/> and the
/// retry handler reads it.</summary>
public sealed class RetrySafeRequestTests
{
    private static readonly Uri Api = new("https://abc123.execute-api.eu-west-1.amazonaws.com/prod/orders");

    [Theory]
    [InlineData(true, 2)]
    [InlineData(false, 1)]
    public async Task Post_IsRetried_OnlyWhenMarkedRetrySafe(bool marked, int attempts)
    {
        var time = new FakeTimeProvider(TestClock.Start);
        var wire = new CapturingHandler { Respond = (_, n) => n == 1 ? CapturingHandler.Error(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable") : new HttpResponseMessage(HttpStatusCode.OK) };
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddSignedHttpClient("orders", o => (o.BaseAddress, o.Credentials) = (Api, new BasicAWSCredentials("AKIDEXAMPLE", "secret")))
            .AddAwsRetries()
            .ConfigurePrimaryHttpMessageHandler(() => wire);
        using ServiceProvider provider = services.BuildServiceProvider();
        using var request = new HttpRequestMessage(HttpMethod.Post, Api) { Content = new ByteArrayContent([1, 2, 3]) };
        if (marked)
        {
            request.Options.Set(ServiceAuthRequestOptions.RetrySafe, true);
        }

        Task<HttpResponseMessage> sending = provider.GetRequiredService<IHttpClientFactory>().CreateClient("orders").SendAsync(request);
        await Eventually.DriveAsync(sending, time, TimeSpan.FromMilliseconds(50));
        using HttpResponseMessage response = await sending;

        wire.Requests.Count.ShouldBe(attempts);
    }

    [Fact]
    public async Task SnsPublisher_WithAddAwsRetries_RetriesItsPost_WithoutRetryNonIdempotent()
    {
        var time = new FakeTimeProvider(TestClock.Start);
        var wire = new CapturingHandler { Respond = (_, n) => n == 1 ? CapturingHandler.Error(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable") : Sns.Support.SnsResponses.Publish() };
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddSnsPublisher<string>(o => (o.TopicArn, o.Credentials, o.AddTraceContext) = (Sns.Support.SnsTestHost<string>.TopicArn, new BasicAWSCredentials("AKIDEXAMPLE", "secret"), false))
            .AddAwsRetries()
            .ConfigurePrimaryHttpMessageHandler(() => wire);
        using ServiceProvider provider = services.BuildServiceProvider();

        Task<SnsPublishResult> publishing = provider.GetRequiredService<ISnsPublisher<string>>().PublishAsync("m");
        await Eventually.DriveAsync(publishing, time, TimeSpan.FromMilliseconds(50));
        SnsPublishResult result = await publishing;

        result.MessageId.ShouldNotBeNullOrEmpty();
        wire.Requests.Count.ShouldBe(2);
        wire.Requests.ShouldAllBe(r => r.Method == HttpMethod.Post);
    }
}
