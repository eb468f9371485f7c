using System.Net;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ServiceAuth.Client.IntegrationTests.Subscriptions;
using ServiceAuth.Client.IntegrationTests.Testing;
using ServiceAuth.Client.SnsMessages;

namespace ServiceAuth.Client.IntegrationTests.SnsMessages;

/// <summary><c>MapSnsSubscription</c>: an HTTPS subscription endpoint fed with envelopes the local endpoint signed.</summary>
public sealed class SnsSubscriptionEndpointTests : IAsyncLifetime
{
    private readonly List<VerifiedSnsMessage> _notifications = [];
    private SubscriptionWorld _world = null!;
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _world = await SubscriptionWorld.StartAsync();
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton<TimeProvider>(_world.Time);
        builder.Services.AddSnsMessageVerifier(o =>
        {
            o.AllowedTopicArns.Add(SubscriptionWorld.TopicArn);
            o.TestSigningCertificate = _world.Aws.SigningCertificate;
            o.TestSigningCertUrl = _world.Aws.SigningCertUrl;
            o.MaxEnvelopeBytes = 8192;
        });
        _app = builder.Build();
        _app.MapSnsSubscription("/sns/orders", (message, _) =>
        {
            _notifications.Add(message);
            return Task.CompletedTask;
        });
        await _app.StartAsync();
        _client = _app.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        await _world.DisposeAsync();
    }

    [Fact]
    public async Task SubscriptionConfirmation_OfAnAllowedTopic_IsConfirmedWithSns()
    {
        string confirmation = await EnvelopeSource.ConfirmationAsync(_world);

        using HttpResponseMessage response = await PostAsync(confirmation, "SubscriptionConfirmation");
        (_, XDocument listed) = await _world.SnsAsync(_world.OwnerC, ("Action", "ListSubscriptionsByTopic"), ("TopicArn", SubscriptionWorld.TopicArn));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        listed.Descendants(SignedSender.Sns + "SubscriptionArn").Single().Value.ShouldStartWith(SubscriptionWorld.TopicArn + ":");
        _notifications.ShouldBeEmpty();
    }

    [Fact]
    public async Task Notification_IsVerifiedAndHandedToTheApplication()
    {
        string notification = await EnvelopeSource.NotificationAsync(_world);

        using HttpResponseMessage response = await PostAsync(notification, "Notification");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        _notifications.ShouldHaveSingleItem().ReadMessage(SnsTestJson.Default.OrderPlacedForTest).ShouldBe(new OrderPlacedForTest("42"));
    }

    [Theory]
    [InlineData("tampered", "InvalidSignature")]
    [InlineData("unknown-type", "UnknownType")]
    [InlineData("evil-cert-url", "UntrustedCertificateUrl")]
    [InlineData("not-json", "MalformedEnvelope")]
    [InlineData("header-mismatch", "does not match")]
    [InlineData("replay", "Replayed")]
    [InlineData("topic-not-allowed", "TopicNotAllowed")]
    public async Task Attack_IsRefusedWith400AndItsReason(string attack, string reason)
    {
        string genuine = await EnvelopeSource.NotificationAsync(_world);
        if (attack == "replay")
        {
            (await PostAsync(genuine, "Notification")).Dispose();
        }

        if (attack == "topic-not-allowed")
        {
            genuine = await OtherTopicNotificationAsync();
        }

        string body = attack switch
        {
            "tampered" => EnvelopeSource.With(genuine, "Message", "{\"orderId\":\"999\"}"),
            "unknown-type" => EnvelopeSource.With(genuine, "Type", "Evil"),
            "evil-cert-url" => EnvelopeSource.With(genuine, "SigningCertURL", "https://evil.example.com/x.pem"),
            "not-json" => "{not json",
            _ => genuine,
        };

        using HttpResponseMessage response = await PostAsync(body, attack == "header-mismatch" ? "SubscriptionConfirmation" : "Notification");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain(reason);
        _notifications.Count.ShouldBe(attack == "replay" ? 1 : 0);
    }

    [Fact]
    public async Task OversizedBody_IsRefusedWith413()
    {
        using HttpResponseMessage response = await PostAsync(new string(' ', 9000) + "{}", "Notification");

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await response.Content.ReadAsStringAsync()).ShouldContain("EnvelopeTooLarge");
    }

    private async Task<string> OtherTopicNotificationAsync()
    {
        const string Other = "arn:aws:sns:us-east-1:222222222222:other";
        _world.Aws.AddTopic(Other, _world.PublisherA.Arn).AllowSubscribe(_world.SubscriberB.Arn, "sqs", "*");
        (string url, string arn) = await _world.CreateQueueAsync("other-topic", Other);
        (HttpStatusCode status, _) = await _world.SnsAsync(_world.SubscriberB, ("Action", "Subscribe"), ("TopicArn", Other), ("Protocol", "sqs"), ("Endpoint", arn));
        status.ShouldBe(HttpStatusCode.OK);
        (status, _) = await _world.SnsAsync(_world.PublisherA, ("Action", "Publish"), ("TopicArn", Other), ("Message", "m"));
        status.ShouldBe(HttpStatusCode.OK);
        return (await _world.ReceiveAsync(url)).ShouldHaveSingleItem().Body;
    }

    private Task<HttpResponseMessage> PostAsync(string body, string messageType)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/sns/orders") { Content = new StringContent(body, Encoding.UTF8, "text/plain") };
        request.Headers.Add("x-amz-sns-message-type", messageType);
        return _client.SendAsync(request);
    }
}
