using System.Net;
using ServiceAuth.Client.Sns;
using ServiceAuth.Client.Tests.Sns.Support;

namespace ServiceAuth.Client.Tests.Sns;

public sealed class SnsPublishTests
{
    [Fact]
    public async Task PublishAsync_SignsForSnsInTheTopicRegion_AndPostsTheForm()
    {
        using var host = new SnsTestHost<OrderPlaced>();

        SnsPublishResult result = await host.Publisher.PublishAsync(new OrderPlaced("o-1", 12.5m));

        result.MessageId.ShouldBe("567910cd-659e-55d4-8ccb-5aaf14679dc0");
        result.SequenceNumber.ShouldBeNull();
        CapturedRequest request = host.Handler.Requests.ShouldHaveSingleItem();
        request.Method.ShouldBe(HttpMethod.Post);
        request.Uri.ShouldBe(new Uri("https://sns.eu-west-1.amazonaws.com/"));
        request.Headers["Content-Type"].ShouldBe("application/x-www-form-urlencoded; charset=utf-8");
        request.Headers["Authorization"].ShouldStartWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261122/eu-west-1/sns/aws4_request, SignedHeaders=");
        request.Headers["X-Amz-Date"].ShouldBe("20261122T120000Z");
        request.Form.ShouldBe(
        [
            new("Action", "Publish"),
            new("Version", "2010-03-31"),
            new("Message", """{"OrderId":"o-1","Total":12.5}"""),
            new("TopicArn", SnsTestHost<OrderPlaced>.TopicArn),
        ]);
    }

    [Fact]
    public async Task PublishAsync_WithOptions_SendsSubjectAttributesAndFifoIds_AndReturnsSequenceNumber()
    {
        using var host = new SnsTestHost<string>(o => o.TopicArn = SnsTestHost<string>.FifoTopicArn, _ => SnsResponses.Publish("m-1", "10000000000000003000"));
        var message = new SnsMessage<string>("hello world")
        {
            Subject = "Greeting",
            MessageGroupId = "g-1",
            MessageDeduplicationId = "d-1",
            MessageAttributes = { ["kind"] = SnsAttributeValue.FromString("greeting"), ["n"] = SnsAttributeValue.FromNumber(42), ["b"] = SnsAttributeValue.FromBinary(new byte[] { 0, 1, 2, 255 }) },
        };

        SnsPublishResult result = await host.Publisher.PublishAsync(message);

        result.ShouldBe(new SnsPublishResult("m-1", "10000000000000003000") { RequestId = "d74b8436-ae13-5ab4-a9ff-ce54dfea72a0" });
        CapturedRequest request = host.Handler.Requests.ShouldHaveSingleItem();
        request.BodyText.ShouldBe(
            "Action=Publish&Version=2010-03-31&Message=hello%20world&TopicArn=arn%3Aaws%3Asns%3Aeu-west-1%3A222233334444%3Aorders.fifo&Subject=Greeting" +
            "&MessageAttributes.entry.1.Name=kind&MessageAttributes.entry.1.Value.DataType=String&MessageAttributes.entry.1.Value.StringValue=greeting" +
            "&MessageAttributes.entry.2.Name=n&MessageAttributes.entry.2.Value.DataType=Number&MessageAttributes.entry.2.Value.StringValue=42" +
            "&MessageAttributes.entry.3.Name=b&MessageAttributes.entry.3.Value.DataType=Binary&MessageAttributes.entry.3.Value.BinaryValue=AAEC%2Fw%3D%3D" +
            "&MessageDeduplicationId=d-1&MessageGroupId=g-1");
    }

    [Fact]
    public async Task PublishAsync_RawStringWithJsonStructure_IsSentAsIs()
    {
        using var host = new SnsTestHost<string>();

        await host.Publisher.PublishAsync(new SnsMessage<string>("""{"default":"hi","sqs":"{\"a\":1}"}""") { MessageStructure = "json" });

        CapturedRequest request = host.Handler.Requests.ShouldHaveSingleItem();
        request["Message"].ShouldBe("""{"default":"hi","sqs":"{\"a\":1}"}""");
        request["MessageStructure"].ShouldBe("json");
    }

    [Fact]
    public async Task PublishAsync_ServiceUrlOverride_IsUsedAndRegionStillComesFromTheArn()
    {
        using var host = new SnsTestHost<string>(o => o.ServiceUrl = new Uri("http://127.0.0.1:4566/"));

        await host.Publisher.PublishAsync("m");

        CapturedRequest request = host.Handler.Requests.ShouldHaveSingleItem();
        request.Uri.ShouldBe(new Uri("http://127.0.0.1:4566/"));
        request.Headers["Authorization"].ShouldContain("/eu-west-1/sns/aws4_request");
    }

    [Fact]
    public async Task PublishAsync_ErrorResponse_ThrowsSnsExceptionWithCodeMessageAndRequestId()
    {
        using var host = new SnsTestHost<string>(respond: _ => SnsResponses.Error(HttpStatusCode.NotFound, "NotFound", "Topic does not exist"));

        SnsException ex = await Should.ThrowAsync<SnsException>(() => host.Publisher.PublishAsync("m"));

        ex.Code.ShouldBe("NotFound");
        ex.ErrorMessage.ShouldBe("Topic does not exist");
        ex.ErrorType.ShouldBe("Sender");
        ex.RequestId.ShouldBe("9dd01905-5012-5f99-8663-4b3ecd0dfaef");
        ex.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        ex.Message.ShouldContain("NotFound");
        ex.ShouldBeAssignableTo<ServiceAuthException>();
    }

    [Fact]
    public async Task PublishAsync_ErrorWithoutNamespaceOrType_IsStillRead()
    {
        using var host = new SnsTestHost<string>(respond: _ => CapturingHandler.Xml(
            "<ErrorResponse><Error><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>r-1</RequestId></ErrorResponse>", HttpStatusCode.BadRequest));

        SnsException ex = await Should.ThrowAsync<SnsException>(() => host.Publisher.PublishAsync("m"));

        (ex.Code, ex.ErrorMessage, ex.ErrorType, ex.RequestId).ShouldBe(("Throttling", "Rate exceeded", null, "r-1"));
    }

    [Fact]
    public async Task PublishAsync_NonXmlError_HasEmptyCodeTheStatusAndTheHeaderRequestId()
    {
        using var host = new SnsTestHost<string>(respond: _ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent("<html>bad gateway</html") };
            response.Headers.Add("x-amzn-RequestId", "hdr-1");
            return response;
        });

        SnsException ex = await Should.ThrowAsync<SnsException>(() => host.Publisher.PublishAsync("m"));

        ex.Code.ShouldBe(string.Empty);
        ex.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        ex.RequestId.ShouldBe("hdr-1");
        ex.ErrorMessage!.ShouldContain("bad gateway");
    }

    [Fact]
    public async Task PublishAsync_SuccessWithoutMessageId_ThrowsMalformedResponse()
    {
        using var host = new SnsTestHost<string>(respond: _ => CapturingHandler.Xml("<PublishResponse><PublishResult/></PublishResponse>"));

        SnsException ex = await Should.ThrowAsync<SnsException>(() => host.Publisher.PublishAsync("m"));

        ex.Code.ShouldBe("MalformedResponse");
    }
}
