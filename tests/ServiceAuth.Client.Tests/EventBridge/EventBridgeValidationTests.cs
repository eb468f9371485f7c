using ServiceAuth.Client.EventBridge;
using ServiceAuth.Client.Tests.EventBridge.Support;

namespace ServiceAuth.Client.Tests.EventBridge;

/// <summary>Every EventBridge rule is checked before anything is sent; the exception names the rule, the value and the
/// event.</summary>
public sealed class EventBridgeValidationTests
{
    [Theory]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    [InlineData("42")]
    [InlineData("{\"a\":")]
    [InlineData("")]
    [InlineData("{} {}")]
    public async Task DetailThatIsNotAJsonObject_IsRejected(string detail)
    {
        EventBridgeValidationException ex = await Reject<string>(new EventBridgeEvent<string>(detail));
        ex.Rule.ShouldBe(EventBridgeValidationRule.Detail);
        ex.Message.ShouldContain("Detail must be a JSON object");
    }

    [Fact]
    public async Task TypedDetailThatSerializesToAnArray_IsRejected()
    {
        using var host = new EventBridgeTestHost<int[]>(o => (o.JsonTypeInfo, o.DetailType) = (EventBridgeTestJsonContext.Default.Int32Array, "Numbers"));
        EventBridgeValidationException ex = await Should.ThrowAsync<EventBridgeValidationException>(() => host.Publisher.PublishAsync([1, 2]));
        ex.Rule.ShouldBe(EventBridgeValidationRule.Detail);
        host.Handler.Requests.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("aws.orders", "reserved for AWS services")]
    [InlineData("", "is required")]
    [InlineData(" orders", "must start with one of")]
    public async Task BadSource_IsRejectedNamingTheValue(string source, string expected)
    {
        EventBridgeValidationException ex = await Reject<string>(new EventBridgeEvent<string>("{}") { Source = source });
        ex.Rule.ShouldBe(EventBridgeValidationRule.Source);
        ex.Value.ShouldBe(source);
        ex.Message.ShouldContain(expected);
    }

    [Fact]
    public async Task SourceOf257Characters_IsRejected() =>
        (await Reject<string>(new EventBridgeEvent<string>("{}") { Source = new string('s', 257) })).Message.ShouldContain("257 characters, more than 256");

    [Fact]
    public async Task DetailTypeOf129Characters_IsRejected()
    {
        EventBridgeValidationException ex = await Reject<string>(new EventBridgeEvent<string>("{}") { DetailType = new string('t', 129) });
        ex.Rule.ShouldBe(EventBridgeValidationRule.DetailType);
        ex.Message.ShouldContain("129 characters, more than 128");
    }

    [Theory]
    [InlineData("not-an-arn")]
    [InlineData("arn:aws:s3")]
    [InlineData("")]
    public async Task ResourceThatIsNotAnArn_IsRejected(string resource)
    {
        EventBridgeValidationException ex = await Reject<string>(new EventBridgeEvent<string>("{}") { Resources = [resource] });
        ex.Rule.ShouldBe(EventBridgeValidationRule.Resources);
        ex.Message.ShouldContain($"entry '{resource}' must be an ARN");
    }

    [Fact]
    public async Task MoreThan100Resources_AreRejected() =>
        (await Reject<string>(new EventBridgeEvent<string>("{}") { Resources = [.. Enumerable.Repeat("arn:aws:s3:::b", 101)] })).Message.ShouldContain("101 entries, more than 100");

    [Fact]
    public async Task EntryOverMaxRequestBytes_ByAwsFormula_IsRejected()
    {
        // Source "com.example.orders" (18) + DetailType "Raw" (3) + Time (14) + Detail (1,024 - 35 + 1 = 990 bytes) = 1,025.
        string detail = $$"""{"x":"{{new string('x', 990 - 8)}}"}""";
        EventBridgeValidationException ex = await Reject<string>(new EventBridgeEvent<string>(detail) { Time = DateTimeOffset.UnixEpoch }, o => o.MaxRequestBytes = 1024);
        ex.Rule.ShouldBe(EventBridgeValidationRule.EntrySize);
        ex.Value.ShouldBe("1025 bytes");
    }

    [Fact]
    public async Task EntryAtMaxRequestBytes_IsSent()
    {
        using var host = new EventBridgeTestHost<string>(o => o.MaxRequestBytes = 1024);
        string detail = $$"""{"x":"{{new string('x', 989 - 8)}}"}""";
        (await host.Publisher.PublishAsync(new EventBridgeEvent<string>(detail) { Time = DateTimeOffset.UnixEpoch })).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task DefaultLimit_IsAwsOneMiB_SoA300KiBEventIsSentAndOneOver1MiBIsNot()
    {
        // AWS raised PutEvents from 256 KiB to 1 MiB on 29 January 2026: 18 + 3 + 1,048,555 = 1,048,576 bytes is sent.
        using var host = new EventBridgeTestHost<string>();
        string big = $$"""{"x":"{{new string('x', 300 * 1024)}}"}""";
        string atLimit = $$"""{"x":"{{new string('x', 1_048_576 - 21 - 8)}}"}""";
        (await host.Publisher.PublishAsync(new EventBridgeEvent<string>(big))).Succeeded.ShouldBeTrue();
        (await host.Publisher.PublishAsync(new EventBridgeEvent<string>(atLimit))).Succeeded.ShouldBeTrue();
        EventBridgeValidationException ex = await Reject<string>(new EventBridgeEvent<string>(atLimit + " "));
        (ex.Rule, ex.Value).ShouldBe((EventBridgeValidationRule.EntrySize, "1048577 bytes"));
    }

    [Fact]
    public async Task LoneSurrogate_IsRejected() =>
        (await Reject<string>(new EventBridgeEvent<string>("{}") { DetailType = "a\uD800" })).Rule.ShouldBe(EventBridgeValidationRule.Text);

    [Fact]
    public async Task TimeBeforeEpoch_IsRejected() =>
        (await Reject<string>(new EventBridgeEvent<string>("{}") { Time = DateTimeOffset.UnixEpoch.AddSeconds(-1) })).Rule.ShouldBe(EventBridgeValidationRule.Time);

    [Fact]
    public async Task OneBadEventInABatch_SendsNothing_AndNamesTheEvent()
    {
        using var host = new EventBridgeTestHost<string>();
        EventBridgeValidationException ex = await Should.ThrowAsync<EventBridgeValidationException>(() => host.Publisher.PublishBatchAsync(["{}", "{}", "[]"]));
        ex.EventIndex.ShouldBe(2);
        ex.Message.ShouldStartWith("EventBridge event #2 breaks rule Detail:");
        host.Handler.Requests.ShouldBeEmpty();
    }

    private static async Task<EventBridgeValidationException> Reject<TEvent>(EventBridgeEvent<TEvent> entry, Action<EventBridgePublisherOptions<TEvent>>? configure = null)
    {
        using var host = new EventBridgeTestHost<TEvent>(configure);
        EventBridgeValidationException ex = await Should.ThrowAsync<EventBridgeValidationException>(() => host.Publisher.PublishAsync(entry));
        host.Handler.Requests.ShouldBeEmpty();
        ex.Message.ShouldEndWith("Nothing was sent.");
        return ex;
    }
}
