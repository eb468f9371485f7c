using System.Net;
using System.Xml.Linq;
using ServiceAuth.Client.Testing;

namespace ServiceAuth.Client.IntegrationTests.Testing;

public sealed class SnsPublishTests : IAsyncDisposable
{
    private const string TopicArn = "arn:aws:sns:us-east-1:333333333333:orders";
    private const string FifoArn = "arn:aws:sns:us-east-1:333333333333:orders.fifo";
    private readonly FakeTimeProvider _time = new(TestClock.Start);
    private readonly LocalAwsEndpoint _endpoint;
    private readonly SignedSender _sender;
    private readonly LocalUser _publisher;
    private readonly LocalUser _outsider;
    private readonly LocalTopic _topic;
    private readonly LocalTopic _fifo;

    public SnsPublishTests()
    {
        _endpoint = LocalAwsEndpoint.CreateInMemory(new LocalAwsEndpointOptions { TimeProvider = _time });
        _publisher = _endpoint.AddUser("publisher", "333333333333");
        _outsider = _endpoint.AddUser("outsider", "444444444444");
        _topic = _endpoint.AddTopic(TopicArn, _publisher.Arn);
        _fifo = _endpoint.AddTopic(FifoArn, "arn:aws:iam::333333333333:root");
        _sender = new SignedSender(_endpoint, _time);
    }

    [Fact]
    public async Task Publish_DeliversMessageWithAttributes()
    {
        Task<IReadOnlyList<SnsDelivery>> waiting = _topic.WaitForDeliveriesAsync(1);

        using HttpResponseMessage response = await Publish(
            ("TopicArn", TopicArn), ("Message", "hello ü"), ("Subject", "greeting"),
            ("MessageAttributes.entry.1.Name", "s"), ("MessageAttributes.entry.1.Value.DataType", "String"), ("MessageAttributes.entry.1.Value.StringValue", "text value"),
            ("MessageAttributes.entry.2.Name", "b"), ("MessageAttributes.entry.2.Value.DataType", "Binary"), ("MessageAttributes.entry.2.Value.BinaryValue", "AAEC/w=="));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        XDocument xml = await SignedSender.ReadXmlAsync(response);
        string messageId = xml.Root!.Element(SignedSender.Sns + "PublishResult")!.Element(SignedSender.Sns + "MessageId")!.Value;
        xml.Root.Element(SignedSender.Sns + "ResponseMetadata")!.Element(SignedSender.Sns + "RequestId")!.Value
            .ShouldBe(response.Headers.GetValues("x-amzn-RequestId").Single());

        SnsDelivery delivery = (await waiting).ShouldHaveSingleItem();
        delivery.MessageId.ShouldBe(messageId);
        delivery.Message.ShouldBe("hello ü");
        delivery.Subject.ShouldBe("greeting");
        delivery.PublisherArn.ShouldBe(_publisher.Arn);
        delivery.MessageAttributes["s"].StringValue.ShouldBe("text value");
        delivery.MessageAttributes["b"].BinaryValue.ToArray().ShouldBe(new byte[] { 0, 1, 2, 255 });
        delivery.SequenceNumber.ShouldBeNull();
    }

    [Fact]
    public async Task Publish_ByUnlistedPrincipal_IsAuthorizationError()
    {
        using HttpResponseMessage response = await _sender.PostFormAsync("sns", _outsider.Credentials, ("Action", "Publish"), ("Version", "2010-03-31"), ("TopicArn", TopicArn), ("Message", "m"));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        XElement error = (await SignedSender.ReadXmlAsync(response)).Root!.Element(SignedSender.Sns + "Error")!;
        error.Element(SignedSender.Sns + "Code")!.Value.ShouldBe("AuthorizationError");
        error.Element(SignedSender.Sns + "Type")!.Value.ShouldBe("Sender");
        _topic.Deliveries.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("arn:aws:sns:us-east-1:333333333333:missing", "NotFound", HttpStatusCode.NotFound)]
    [InlineData(TopicArn, "InvalidParameter", HttpStatusCode.BadRequest)]
    public async Task Publish_InvalidInput_IsRejected(string topicArn, string code, HttpStatusCode status)
    {
        using HttpResponseMessage response = await Publish(("TopicArn", topicArn), ("Message", topicArn == TopicArn ? new string('x', 262_145) : "m"));

        response.StatusCode.ShouldBe(status);
        (await SignedSender.ErrorCodeAsync(response)).ShouldBe(code);
    }

    [Fact]
    public async Task Fifo_AssignsSequenceNumbers_AndDeduplicates()
    {
        (string, string)[] fields = [("TopicArn", FifoArn), ("Message", "m"), ("MessageGroupId", "g-1"), ("MessageDeduplicationId", "d-1")];
        using HttpResponseMessage first = await Publish(fields);
        using HttpResponseMessage again = await Publish(fields);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        _fifo.Deliveries.ShouldHaveSingleItem().SequenceNumber.ShouldBe("10000000000000000001");
        (await SignedSender.ReadXmlAsync(again)).Descendants(SignedSender.Sns + "SequenceNumber").Single().Value.ShouldBe("10000000000000000001");

        using HttpResponseMessage noGroup = await Publish(("TopicArn", FifoArn), ("Message", "m"), ("MessageDeduplicationId", "d-2"));
        (await SignedSender.ErrorCodeAsync(noGroup)).ShouldBe("InvalidParameter");
    }

    [Fact]
    public async Task PublishBatch_ReportsPerEntrySuccessAndFailure()
    {
        _endpoint.Faults.FailBatchEntry("e2", "Throttled");

        using HttpResponseMessage response = await Publish(
            "PublishBatch",
            ("TopicArn", TopicArn),
            ("PublishBatchRequestEntries.member.1.Id", "e1"), ("PublishBatchRequestEntries.member.1.Message", "one"),
            ("PublishBatchRequestEntries.member.2.Id", "e2"), ("PublishBatchRequestEntries.member.2.Message", "two"),
            ("PublishBatchRequestEntries.member.3.Id", "e3"), ("PublishBatchRequestEntries.member.3.Message", string.Empty));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        XElement result = (await SignedSender.ReadXmlAsync(response)).Root!.Element(SignedSender.Sns + "PublishBatchResult")!;
        result.Element(SignedSender.Sns + "Successful")!.Elements().Select(m => m.Element(SignedSender.Sns + "Id")!.Value).ShouldBe(["e1"]);
        XElement[] failed = [.. result.Element(SignedSender.Sns + "Failed")!.Elements()];
        failed.Select(m => m.Element(SignedSender.Sns + "Code")!.Value).ShouldBe(["Throttled", "InvalidParameter"]);
        failed.Select(m => m.Element(SignedSender.Sns + "SenderFault")!.Value).ShouldBe(["true", "true"]);
        _topic.Deliveries.Select(d => d.Message).ShouldBe(["one"]);

        using HttpResponseMessage retry = await Publish("PublishBatch", ("TopicArn", TopicArn), ("PublishBatchRequestEntries.member.1.Id", "e2"), ("PublishBatchRequestEntries.member.1.Message", "two"));
        (await SignedSender.ReadXmlAsync(retry)).Descendants(SignedSender.Sns + "Failed").Single().HasElements.ShouldBeFalse();
        _topic.Deliveries.Select(d => d.Message).ShouldBe(["one", "two"]);
    }

    [Fact]
    public async Task PublishBatch_ShapeErrors()
    {
        var eleven = Enumerable.Range(1, 11).SelectMany(n => new[] { ($"PublishBatchRequestEntries.member.{n}.Id", $"e{n}"), ($"PublishBatchRequestEntries.member.{n}.Message", "m") });
        using HttpResponseMessage tooMany = await Publish("PublishBatch", [("TopicArn", TopicArn), .. eleven]);
        (await SignedSender.ErrorCodeAsync(tooMany)).ShouldBe("TooManyEntriesInBatchRequest");

        using HttpResponseMessage same = await Publish("PublishBatch", ("TopicArn", TopicArn),
            ("PublishBatchRequestEntries.member.1.Id", "x"), ("PublishBatchRequestEntries.member.1.Message", "m"),
            ("PublishBatchRequestEntries.member.2.Id", "x"), ("PublishBatchRequestEntries.member.2.Message", "m"));
        same.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await SignedSender.ErrorCodeAsync(same)).ShouldBe("BatchEntryIdsNotDistinct");
    }

    [Fact]
    public async Task FailNextPublishes_FailsTheWholePublishCall()
    {
        _endpoint.Faults.FailNextPublishes(1, "InternalError");

        using HttpResponseMessage failed = await Publish(("TopicArn", TopicArn), ("Message", "m"));
        using HttpResponseMessage ok = await Publish(("TopicArn", TopicArn), ("Message", "m"));

        failed.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        (await SignedSender.ReadXmlAsync(failed)).Descendants(SignedSender.Sns + "Type").Single().Value.ShouldBe("Receiver");
        ok.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AssumedRoleSession_IsAttributedToTheRole()
    {
        const string role = "arn:aws:iam::333333333333:role/publisher-role";
        _endpoint.AddRole(role, trust => trust.AllowPrincipal(_outsider.Arn));
        LocalTopic topic = _endpoint.AddTopic("arn:aws:sns:us-east-1:333333333333:events", role);
        Amazon.Runtime.ImmutableCredentials session = await _sender.AssumeRoleAsync(_outsider.Credentials, role, "pub");

        using HttpResponseMessage response = await _sender.PostFormAsync("sns", session, ("Action", "Publish"), ("Version", "2010-03-31"), ("TopicArn", topic.Arn), ("Message", "m"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        topic.Deliveries.ShouldHaveSingleItem().PublisherArn.ShouldBe("arn:aws:sts::333333333333:assumed-role/publisher-role/pub");
    }

    public async ValueTask DisposeAsync()
    {
        _sender.Dispose();
        await _endpoint.DisposeAsync();
    }

    private Task<HttpResponseMessage> Publish(params (string Name, string Value)[] fields) => Publish("Publish", fields);

    private Task<HttpResponseMessage> Publish(string action, params (string Name, string Value)[] fields) =>
        _sender.PostFormAsync("sns", _publisher.Credentials, [("Action", action), ("Version", "2010-03-31"), .. fields]);
}
