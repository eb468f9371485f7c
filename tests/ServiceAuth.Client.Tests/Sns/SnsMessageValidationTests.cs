using ServiceAuth.Client.Sns;
using ServiceAuth.Client.Tests.Sns.Support;

namespace ServiceAuth.Client.Tests.Sns;

/// <summary>Every rule fails before anything is sent, and the exception names the rule and the value.</summary>
public sealed class SnsMessageValidationTests
{
    [Fact]
    public async Task EmptyBody_IsRejected()
    {
        SnsValidationException ex = await RejectAsync(new SnsMessage<string>(string.Empty));

        ex.Rule.ShouldBe(SnsValidationRule.MessageBody);
    }

    [Fact]
    public async Task LoneSurrogateInBody_IsRejected() =>
        (await RejectAsync(new SnsMessage<string>("bad \ud800 text"))).Rule.ShouldBe(SnsValidationRule.MessageBody);

    [Fact]
    public async Task Size_CountsUtf8BytesOfBodyAndAttributes()
    {
        // 131,072 'ü' are 262,144 bytes: exactly the limit; the attribute tips it over.
        var message = new SnsMessage<string>(new string('ü', 131_072)) { MessageAttributes = { ["a"] = SnsAttributeValue.FromString("b") } };

        SnsValidationException ex = await RejectAsync(message);

        ex.Rule.ShouldBe(SnsValidationRule.MessageSize);
        ex.Value.ShouldBe("262152 bytes");
        ex.Message.ShouldContain("262144");
        ex.Message.ShouldContain("Nothing was published");
    }

    [Fact]
    public async Task Size_AtTheLimit_IsAccepted()
    {
        using var host = new SnsTestHost<string>();

        await host.Publisher.PublishAsync(new string('x', 262_144));

        host.Handler.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Size_RaisedTo1MiB_AcceptsLargerMessages()
    {
        using var host = new SnsTestHost<string>(o => o.MaxMessageBytes = 1_048_576);

        await host.Publisher.PublishAsync(new string('x', 600_000));

        host.Handler.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task MoreThan10Attributes_AreRejected()
    {
        var message = new SnsMessage<string>("m");
        for (int i = 0; i < 11; i++)
        {
            message.MessageAttributes[$"a{i}"] = SnsAttributeValue.FromString("v");
        }

        SnsValidationException ex = await RejectAsync(message);

        (ex.Rule, ex.Value).ShouldBe((SnsValidationRule.AttributeCount, "11"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData(".leading")]
    [InlineData("trailing.")]
    [InlineData("double..dot")]
    [InlineData("AWS.reserved")]
    [InlineData("amazon.reserved")]
    [InlineData("ümlaut")]
    public async Task InvalidAttributeName_IsRejected(string name)
    {
        SnsValidationException ex = await RejectAsync(new SnsMessage<string>("m") { MessageAttributes = { [name] = SnsAttributeValue.FromString("v") } });

        (ex.Rule, ex.Value).ShouldBe((SnsValidationRule.AttributeName, name));
    }

    [Fact]
    public async Task AttributeNameOver256Characters_IsRejected() =>
        (await RejectAsync(new SnsMessage<string>("m") { MessageAttributes = { [new string('a', 257)] = SnsAttributeValue.FromString("v") } })).Rule.ShouldBe(SnsValidationRule.AttributeName);

    [Theory]
    [InlineData("string")]
    [InlineData("String.json")]
    [InlineData("Number.float")]
    [InlineData("")]
    public async Task UnknownDataType_IsRejected(string dataType)
    {
        SnsValidationException ex = await RejectAsync(new SnsMessage<string>("m") { MessageAttributes = { ["a"] = new SnsAttributeValue(dataType, "v") } });

        (ex.Rule, ex.Value).ShouldBe((SnsValidationRule.AttributeType, dataType));
        ex.Message.ShouldContain("String, String.Array, Number or Binary");
    }

    [Theory]
    [InlineData("Number", "abc")]
    [InlineData("Number", "1,5")]
    [InlineData("String", "")]
    [InlineData("String.Array", "not json")]
    [InlineData("String.Array", "{\"a\":1}")]
    [InlineData("String.Array", "[[1]]")]
    [InlineData("String.Array", "[\"a\"] trailing")]
    public async Task ValueNotFittingItsType_IsRejected(string dataType, string value)
    {
        SnsValidationException ex = await RejectAsync(new SnsMessage<string>("m") { MessageAttributes = { ["a"] = new SnsAttributeValue(dataType, value) } });

        (ex.Rule, ex.Value).ShouldBe((SnsValidationRule.AttributeValue, value));
    }

    [Fact]
    public async Task EmptyBinaryValue_IsRejected() =>
        (await RejectAsync(new SnsMessage<string>("m") { MessageAttributes = { ["b"] = SnsAttributeValue.FromBinary(Array.Empty<byte>()) } })).Rule.ShouldBe(SnsValidationRule.AttributeValue);

    [Fact]
    public async Task ValidAttributesOfEveryType_AreAccepted()
    {
        using var host = new SnsTestHost<string>();
        var message = new SnsMessage<string>("m")
        {
            MessageAttributes =
            {
                ["s"] = SnsAttributeValue.FromString("v"),
                ["n"] = SnsAttributeValue.FromNumber(-12.5m),
                ["e"] = new SnsAttributeValue("Number", "1e3"),
                ["b"] = SnsAttributeValue.FromBinary(new byte[] { 1 }),
                ["arr"] = SnsAttributeValue.FromStringArray("a", "b\"c"),
                ["mixed"] = new SnsAttributeValue("String.Array", "[\"a\", 1, true, null]"),
            },
        };

        await host.Publisher.PublishAsync(message);

        host.Handler.Requests.ShouldHaveSingleItem()["MessageAttributes.entry.5.Value.StringValue"].ShouldBe("[\"a\",\"b\\u0022c\"]");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("line\nbreak")]
    [InlineData("tab\there")]
    public async Task InvalidSubject_IsRejected(string subject) =>
        (await RejectAsync(new SnsMessage<string>("m") { Subject = subject })).Rule.ShouldBe(SnsValidationRule.Subject);

    [Fact]
    public async Task Subject100CharactersOrLonger_IsRejected_99IsAccepted()
    {
        (await RejectAsync(new SnsMessage<string>("m") { Subject = new string('s', 100) })).Rule.ShouldBe(SnsValidationRule.Subject);
        using var host = new SnsTestHost<string>();
        await host.Publisher.PublishAsync(new SnsMessage<string>("m") { Subject = new string('s', 99) });
        host.Handler.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task FifoTopic_WithoutGroupId_IsRejected()
    {
        SnsValidationException ex = await RejectAsync(new SnsMessage<string>("m") { MessageDeduplicationId = "d" }, Fifo);

        ex.Rule.ShouldBe(SnsValidationRule.MessageGroupId);
        ex.Message.ShouldContain("orders.fifo");
    }

    [Fact]
    public async Task FifoTopic_WithoutDeduplicationId_IsRejected_UnlessContentBased()
    {
        SnsValidationException ex = await RejectAsync(new SnsMessage<string>("m") { MessageGroupId = "g" }, Fifo);
        ex.Rule.ShouldBe(SnsValidationRule.MessageDeduplicationId);
        ex.Message.ShouldContain("ContentBasedDeduplication");

        using var host = new SnsTestHost<string>(o => (o.TopicArn, o.ContentBasedDeduplication) = (SnsTestHost<string>.FifoTopicArn, true));
        await host.Publisher.PublishAsync(new SnsMessage<string>("m") { MessageGroupId = "g" });
        host.Handler.Requests.ShouldHaveSingleItem()["MessageGroupId"].ShouldBe("g");
    }

    [Fact]
    public async Task StandardTopic_WithDeduplicationId_IsRejected() =>
        (await RejectAsync(new SnsMessage<string>("m") { MessageDeduplicationId = "d" })).Rule.ShouldBe(SnsValidationRule.MessageDeduplicationId);

    [Theory]
    [InlineData("has space")]
    [InlineData("ü")]
    [InlineData("")]
    public async Task GroupIdOutsidePrintableAscii_IsRejected(string groupId) =>
        (await RejectAsync(new SnsMessage<string>("m") { MessageGroupId = groupId, MessageDeduplicationId = "d" }, Fifo)).Rule.ShouldBe(SnsValidationRule.MessageGroupId);

    [Fact]
    public async Task DeduplicationIdOver128Characters_IsRejected() =>
        (await RejectAsync(new SnsMessage<string>("m") { MessageGroupId = "g", MessageDeduplicationId = new string('d', 129) }, Fifo)).Rule.ShouldBe(SnsValidationRule.MessageDeduplicationId);

    [Theory]
    [InlineData("xml", "{\"default\":\"d\"}")]
    [InlineData("json", "not json")]
    [InlineData("json", "{\"sqs\":\"x\"}")]
    [InlineData("json", "{\"default\":1}")]
    [InlineData("json", "[\"default\"]")]
    public async Task InvalidMessageStructure_IsRejected(string structure, string body) =>
        (await RejectAsync(new SnsMessage<string>(body) { MessageStructure = structure })).Rule.ShouldBe(SnsValidationRule.MessageStructure);

    [Fact]
    public async Task BatchWithOneInvalidMessage_SendsNothing_AndNamesTheMessage()
    {
        using var host = new SnsTestHost<string>();

        SnsValidationException ex = await Should.ThrowAsync<SnsValidationException>(() =>
            host.Publisher.PublishBatchAsync(["ok", "ok", "m", string.Empty]));

        ex.MessageIndex.ShouldBe(3);
        ex.Rule.ShouldBe(SnsValidationRule.MessageBody);
        ex.Message.ShouldStartWith("SNS message #3 breaks rule MessageBody");
        host.Handler.Requests.ShouldBeEmpty();
    }

    private static void Fifo(SnsPublisherOptions<string> o) => o.TopicArn = SnsTestHost<string>.FifoTopicArn;

    private static async Task<SnsValidationException> RejectAsync(SnsMessage<string> message, Action<SnsPublisherOptions<string>>? configure = null)
    {
        using var host = new SnsTestHost<string>(configure);
        SnsValidationException ex = await Should.ThrowAsync<SnsValidationException>(() => host.Publisher.PublishAsync(message));
        host.Handler.Requests.ShouldBeEmpty();
        ex.MessageIndex.ShouldBeNull();
        return ex;
    }
}
