using System.Diagnostics;
using System.Net;
using System.Text.Json;
using ServiceAuth.Client.EventBridge;
using ServiceAuth.Client.Tests.EventBridge.Support;
using ServiceAuth.Client.Tests.Sns.Support;

namespace ServiceAuth.Client.Tests.EventBridge;

public sealed class EventBridgePublishTests
{
    [Fact]
    public async Task PublishAsync_SendsOneSignedPutEventsToTheRegionOfTheBusArn()
    {
        using var host = new EventBridgeTestHost<OrderShipped>(o => o.Resources.Add("arn:aws:s3:::bucket/key"));

        EventBridgeEntryResult result = await host.Publisher.PublishAsync(new OrderShipped("o-1", 2));

        result.EventId.ShouldBe("""id-{"OrderId":"o-1","Parcels":2}""");
        CapturedRequest request = host.Handler.Requests.ShouldHaveSingleItem();
        request.Uri.ShouldBe(new Uri("https://events.eu-west-1.amazonaws.com/"));
        request.Headers["Authorization"].ShouldContain("/eu-west-1/events/aws4_request");
        request.BodyText.ShouldBe("""{"Entries":[{"Source":"com.example.orders","Resources":["arn:aws:s3:::bucket/key"],"DetailType":"OrderShipped","Detail":"{\"OrderId\":\"o-1\",\"Parcels\":2}","EventBusName":"arn:aws:events:eu-west-1:222233334444:event-bus/orders"}]}""");
    }

    [Fact]
    public async Task PublishAsync_PerEventFields_OverrideTheConfiguredOnes()
    {
        using var host = new EventBridgeTestHost<OrderShipped>(o => o.Resources.Add("arn:aws:s3:::configured"));
        var time = new DateTimeOffset(2026, 1, 2, 3, 4, 5, 678, TimeSpan.Zero);

        await host.Publisher.PublishAsync(new EventBridgeEvent<OrderShipped>(new OrderShipped("o-1", 1))
        {
            Source = "com.example.override",
            DetailType = "Shipped",
            Resources = [],
            Time = time,
            TraceHeader = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1",
        });

        JsonElement entry = EventBridgeResponses.Entries(host.Handler.Requests[0])[0];
        entry.GetProperty("Source").GetString().ShouldBe("com.example.override");
        entry.GetProperty("DetailType").GetString().ShouldBe("Shipped");
        entry.TryGetProperty("Resources", out _).ShouldBeFalse();
        entry.GetProperty("Time").GetDouble().ShouldBe(time.ToUnixTimeMilliseconds() / 1000.0);
        entry.GetProperty("TraceHeader").GetString().ShouldStartWith("Root=1-5759e988-");
    }

    [Fact]
    public async Task PublishAsync_FailedEntry_ThrowsWithTheEntryCodeAndMessage()
    {
        using var host = new EventBridgeTestHost<string>(respond: r => EventBridgeResponses.Answer(r, _ => "NotAuthorizedForSourceException"));

        EventBridgeException ex = await Should.ThrowAsync<EventBridgeException>(() => host.Publisher.PublishAsync("""{"a":1}"""));

        ex.Code.ShouldBe("NotAuthorizedForSourceException");
        ex.ErrorMessage.ShouldBe("NotAuthorizedForSourceException for entry");
    }

    [Fact]
    public async Task PublishAsync_ErrorAnswer_ThrowsWithCodeStatusAndRequestId()
    {
        using var host = new EventBridgeTestHost<string>(respond: _ => EventBridgeResponses.Error(HttpStatusCode.BadRequest, "com.amazonaws.events#ResourceNotFoundException", "Event bus orders does not exist."));

        EventBridgeException ex = await Should.ThrowAsync<EventBridgeException>(() => host.Publisher.PublishAsync("""{"a":1}"""));

        ex.Code.ShouldBe("ResourceNotFoundException");
        ex.ErrorMessage.ShouldBe("Event bus orders does not exist.");
        ex.RequestId.ShouldBe("req-1");
        ex.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task PublishAsync_WithCurrentActivity_SendsItAsXRayTraceHeader()
    {
        using var host = new EventBridgeTestHost<string>(o => o.AddTraceHeader = true);
        using var activity = new Activity("test").SetIdFormat(ActivityIdFormat.W3C);
        activity.ActivityTraceFlags = ActivityTraceFlags.Recorded;
        activity.Start();

        await host.Publisher.PublishAsync("""{"a":1}""");

        string trace = activity.TraceId.ToHexString();
        EventBridgeResponses.Entries(host.Handler.Requests[0])[0].GetProperty("TraceHeader").GetString()
            .ShouldBe($"Root=1-{trace[..8]}-{trace[8..]};Parent={activity.SpanId.ToHexString()};Sampled=1");
    }
}
