using System.Diagnostics;
using ServiceAuth.Client.Sns;
using ServiceAuth.Client.Tests.Sns.Support;

namespace ServiceAuth.Client.Tests.Sns;

public sealed class SnsTraceContextTests
{
    [Fact]
    public async Task CurrentActivity_IsSentAsTraceparentAttribute()
    {
        using var host = new SnsTestHost<string>(o => o.AddTraceContext = true);
        using Activity activity = new Activity("test").SetIdFormat(ActivityIdFormat.W3C).Start();

        await host.Publisher.PublishAsync(new SnsMessage<string>("m") { MessageAttributes = { ["a"] = SnsAttributeValue.FromString("b") } });

        CapturedRequest request = host.Handler.Requests.ShouldHaveSingleItem();
        request["MessageAttributes.entry.2.Name"].ShouldBe("traceparent");
        request["MessageAttributes.entry.2.Value.DataType"].ShouldBe("String");
        string traceparent = request["MessageAttributes.entry.2.Value.StringValue"]!;
        traceparent.ShouldMatch("^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$");
        traceparent.Split('-')[1].ShouldBe(activity.TraceId.ToHexString());
    }

    [Fact]
    public async Task BatchEntries_CarryTheTraceparentToo()
    {
        using var host = new SnsTestHost<string>(o => o.AddTraceContext = true);
        using Activity activity = new Activity("test").SetIdFormat(ActivityIdFormat.W3C).Start();

        await host.Publisher.PublishBatchAsync(["a", "b"]);

        CapturedRequest request = host.Handler.Requests.ShouldHaveSingleItem();
        request["PublishBatchRequestEntries.member.2.MessageAttributes.entry.1.Name"].ShouldBe("traceparent");
    }

    [Fact]
    public async Task NoActivity_NoAttribute()
    {
        using var host = new SnsTestHost<string>(o => o.AddTraceContext = true);
        Activity.Current = null;

        await host.Publisher.PublishAsync("m");

        host.Handler.Requests.ShouldHaveSingleItem().Form.ShouldNotContain(p => p.Key.StartsWith("MessageAttributes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TurnedOff_NoAttribute()
    {
        using var host = new SnsTestHost<string>(o => o.AddTraceContext = false);
        using Activity activity = new Activity("test").SetIdFormat(ActivityIdFormat.W3C).Start();

        await host.Publisher.PublishAsync("m");

        host.Handler.Requests.ShouldHaveSingleItem().Form.ShouldNotContain(p => p.Value == "traceparent");
    }

    [Fact]
    public async Task TenUserAttributes_TraceparentIsSkipped_AndThePublishSucceeds()
    {
        using var host = new SnsTestHost<string>(o => o.AddTraceContext = true);
        using Activity activity = new Activity("test").SetIdFormat(ActivityIdFormat.W3C).Start();
        var message = new SnsMessage<string>("m");
        for (int i = 0; i < 10; i++)
        {
            message.MessageAttributes[$"a{i}"] = SnsAttributeValue.FromString("v");
        }

        await host.Publisher.PublishAsync(message);

        CapturedRequest request = host.Handler.Requests.ShouldHaveSingleItem();
        request.Form.Count(p => p.Key.EndsWith(".Name", StringComparison.Ordinal)).ShouldBe(10);
        request.Form.ShouldNotContain(p => p.Value == "traceparent");
    }

    [Fact]
    public async Task UserSuppliedTraceparent_IsKept()
    {
        using var host = new SnsTestHost<string>(o => o.AddTraceContext = true);
        using Activity activity = new Activity("test").SetIdFormat(ActivityIdFormat.W3C).Start();

        await host.Publisher.PublishAsync(new SnsMessage<string>("m") { MessageAttributes = { ["traceparent"] = SnsAttributeValue.FromString("mine") } });

        CapturedRequest request = host.Handler.Requests.ShouldHaveSingleItem();
        request["MessageAttributes.entry.1.Value.StringValue"].ShouldBe("mine");
        request["MessageAttributes.entry.2.Name"].ShouldBeNull();
    }
}
