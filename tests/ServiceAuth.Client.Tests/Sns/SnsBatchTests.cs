using System.Net;
using ServiceAuth.Client.Sns;
using ServiceAuth.Client.Tests.Sns.Support;

namespace ServiceAuth.Client.Tests.Sns;

public sealed class SnsBatchTests
{
    [Fact]
    public async Task PublishBatchAsync_25Messages_Makes3CallsOfAtMost10_AndReturnsOneResultPerMessageInOrder()
    {
        using var host = new SnsTestHost<OrderPlaced>();
        OrderPlaced[] orders = [.. Enumerable.Range(0, 25).Select(i => new OrderPlaced($"o-{i}", i))];

        SnsBatchResult result = await host.Publisher.PublishBatchAsync(orders);

        host.Handler.Requests.Select(r => r.BatchIds.Count).Order().ShouldBe([5, 10, 10]);
        host.Handler.Requests.ShouldAllBe(r => r["Action"] == "PublishBatch" && r["TopicArn"] == SnsTestHost<OrderPlaced>.TopicArn);
        result.RequestCount.ShouldBe(3);
        result.AllSucceeded.ShouldBeTrue();
        result.Entries.Select(e => e.Index).ShouldBe(Enumerable.Range(0, 25));
        result.Entries.Select(e => e.MessageId).ShouldBe(Enumerable.Range(0, 25).Select(i => $"msg-{i}"));
        CapturedRequest first = host.Handler.Requests.Single(r => r.BatchIds[0] == "0");
        first["PublishBatchRequestEntries.member.1.Message"].ShouldBe("""{"OrderId":"o-0","Total":0}""");
    }

    [Fact]
    public async Task PublishBatchAsync_SplitsBySize_BodyPlusAttributesInUtf8Bytes()
    {
        using var host = new SnsTestHost<string>(o => o.MaxMessageBytes = 1024);

        // Each message: 150 two-byte characters (300 bytes) + attribute "k" + "String" + "v" (8 bytes) = 308 bytes: 3 fit in 1,024.
        SnsMessage<string>[] messages = [.. Enumerable.Range(0, 7).Select(_ => new SnsMessage<string>(new string('ü', 150)) { MessageAttributes = { ["k"] = SnsAttributeValue.FromString("v") } })];
        SnsBatchResult result = await host.Publisher.PublishBatchAsync(messages);

        host.Handler.Requests.Select(r => r.BatchIds.Count).Order().ShouldBe([1, 3, 3]);
        result.AllSucceeded.ShouldBeTrue();
    }

    [Fact]
    public async Task PublishBatchAsync_FifoTopic_SendsInInputOrderOneRequestAtATime()
    {
        using var host = new SnsTestHost<string>(o => o.TopicArn = SnsTestHost<string>.FifoTopicArn);
        SnsMessage<string>[] messages = [.. Enumerable.Range(0, 23).Select(i => new SnsMessage<string>($"m{i}") { MessageGroupId = "g", MessageDeduplicationId = $"d{i}" })];

        await host.Publisher.PublishBatchAsync(messages);

        host.Handler.Requests.SelectMany(r => r.BatchIds).ShouldBe(Enumerable.Range(0, 23).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        host.Handler.Requests[0]["PublishBatchRequestEntries.member.2.MessageGroupId"].ShouldBe("g");
        host.Handler.Requests[0]["PublishBatchRequestEntries.member.2.MessageDeduplicationId"].ShouldBe("d1");
    }

    [Fact]
    public async Task PublishBatchAsync_PartialFailure_IsReportedPerMessage_NotThrown()
    {
        using var host = new SnsTestHost<string>(o => o.MaxBatchRetries = 0, r => SnsResponses.Batch(r, id => id == "1" ? ("InvalidParameter", true) : null));

        SnsBatchResult result = await host.Publisher.PublishBatchAsync(["a", "b", "c"]);

        result.SucceededCount.ShouldBe(2);
        result.FailedCount.ShouldBe(1);
        SnsEntryResult failed = result.Failed.ShouldHaveSingleItem();
        (failed.Index, failed.ErrorCode, failed.ErrorMessage, failed.SenderFault, failed.MessageId).ShouldBe((1, "InvalidParameter", "InvalidParameter for 1", true, (string?)null));
        result.Entries[2].MessageId.ShouldBe("msg-2");
    }

    [Fact]
    public async Task PublishBatchAsync_RetryableEntries_AreSentAgainAfterBackoff_OthersReported()
    {
        int call = 0;
        using var host = new SnsTestHost<string>(respond: r => Interlocked.Increment(ref call) == 1
            ? SnsResponses.Batch(r, id => id switch { "1" => ("Throttling", false), "3" => ("InternalError", false), "2" => ("InvalidParameter", true), _ => null })
            : SnsResponses.Batch(r));

        Task<SnsBatchResult> publishing = host.Publisher.PublishBatchAsync(["a", "b", "c", "d"]);
        await host.Time.AdvancePastNextDelayAsync();
        SnsBatchResult result = await publishing;

        host.Handler.Requests.Count.ShouldBe(2);
        host.Handler.Requests[1].BatchIds.ShouldBe(["1", "3"]);
        host.Handler.Requests[1]["PublishBatchRequestEntries.member.1.Message"].ShouldBe("b");
        host.Time.DueTimes.ShouldHaveSingleItem().ShouldBeInRange(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(200));
        result.RequestCount.ShouldBe(2);
        result.Entries.Select(e => (e.Succeeded, e.Attempts)).ShouldBe([(true, 1), (true, 2), (false, 1), (true, 2)]);
        result.Entries[2].ErrorCode.ShouldBe("InvalidParameter");
    }

    [Fact]
    public async Task PublishBatchAsync_RetriesAreBounded_WithGrowingBackoff_AndTheLastErrorIsReported()
    {
        using var host = new SnsTestHost<string>(o => o.MaxBatchRetries = 2, r => SnsResponses.Batch(r, id => id == "0" ? ("Throttled", false) : null));

        Task<SnsBatchResult> publishing = host.Publisher.PublishBatchAsync(["a", "b"]);
        await host.Time.AdvancePastNextDelayAsync();
        await host.Time.AdvancePastNextDelayAsync();
        SnsBatchResult result = await publishing;

        host.Handler.Requests.Count.ShouldBe(3);
        host.Time.DueTimes.Count.ShouldBe(2);
        host.Time.DueTimes[0].ShouldBeLessThanOrEqualTo(TimeSpan.FromMilliseconds(200));
        host.Time.DueTimes[1].ShouldBeLessThanOrEqualTo(TimeSpan.FromMilliseconds(400));
        SnsEntryResult failed = result.Failed.ShouldHaveSingleItem();
        (failed.Index, failed.ErrorCode, failed.Attempts).ShouldBe((0, "Throttled", 3));
        result.Entries[1].Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task PublishBatchAsync_WholeRequestError_FailsItsEntriesWithTheAwsCode()
    {
        using var host = new SnsTestHost<string>(respond: _ => SnsResponses.Error(HttpStatusCode.Forbidden, "AuthorizationError", "not authorized to perform SNS:Publish"));

        SnsBatchResult result = await host.Publisher.PublishBatchAsync([.. Enumerable.Range(0, 12).Select(i => $"m{i}")]);

        result.Entries.Count.ShouldBe(12);
        result.Entries.ShouldAllBe(e => !e.Succeeded && e.ErrorCode == "AuthorizationError" && e.SenderFault && e.ErrorMessage == "not authorized to perform SNS:Publish");
        result.RequestCount.ShouldBe(2);
    }

    [Fact]
    public async Task PublishBatchAsync_FifoWholeRequestError_StopsAndReportsLaterMessagesAsNotAttempted()
    {
        using var host = new SnsTestHost<string>(
            o => (o.TopicArn, o.ContentBasedDeduplication) = (SnsTestHost<string>.FifoTopicArn, true),
            _ => SnsResponses.Error(HttpStatusCode.InternalServerError, "InternalError", "boom", "Receiver"));

        SnsBatchResult result = await host.Publisher.PublishBatchAsync([.. Enumerable.Range(0, 15).Select(i => new SnsMessage<string>($"m{i}") { MessageGroupId = "g" })]);

        host.Handler.Requests.Count.ShouldBe(1);
        result.Entries.Take(10).ShouldAllBe(e => e.ErrorCode == "InternalError" && !e.SenderFault && e.Attempts == 1);
        result.Entries.Skip(10).ShouldAllBe(e => e.ErrorCode == "NotAttempted" && e.Attempts == 0);
    }

    [Fact]
    public async Task PublishBatchAsync_EntryMissingFromTheAnswer_IsReportedNotDropped()
    {
        using var host = new SnsTestHost<string>(respond: _ => CapturingHandler.Xml(
            "<PublishBatchResponse><PublishBatchResult><Successful><member><Id>0</Id><MessageId>m-0</MessageId></member></Successful><Failed/></PublishBatchResult></PublishBatchResponse>"));

        SnsBatchResult result = await host.Publisher.PublishBatchAsync(["a", "b"]);

        result.Entries[0].MessageId.ShouldBe("m-0");
        result.Entries[1].ErrorCode.ShouldBe("MissingResult");
    }

    [Fact]
    public async Task PublishBatchAsync_Empty_SendsNothing()
    {
        using var host = new SnsTestHost<string>();

        SnsBatchResult result = await host.Publisher.PublishBatchAsync(Array.Empty<string>());

        result.Entries.ShouldBeEmpty();
        host.Handler.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task PublishBatchAsync_FifoSequenceNumbers_AreReturned()
    {
        using var host = new SnsTestHost<string>(
            o => (o.TopicArn, o.ContentBasedDeduplication) = (SnsTestHost<string>.FifoTopicArn, true),
            _ => CapturingHandler.Xml(
                "<PublishBatchResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishBatchResult><Failed/><Successful>" +
                "<member><Id>0</Id><MessageId>m-0</MessageId><SequenceNumber>10000000000000003000</SequenceNumber></member></Successful></PublishBatchResult></PublishBatchResponse>"));

        SnsBatchResult result = await host.Publisher.PublishBatchAsync([new SnsMessage<string>("a") { MessageGroupId = "g" }]);

        result.Entries.ShouldHaveSingleItem().SequenceNumber.ShouldBe("10000000000000003000");
    }

    [Fact]
    public async Task PublishBatchAsync_10000SmallMessages_Make1000Calls()
    {
        using var host = new SnsTestHost<string>();

        SnsBatchResult result = await host.Publisher.PublishBatchAsync([.. Enumerable.Range(0, 10_000).Select(i => $"m{i}")]);

        host.Handler.Requests.Count.ShouldBe(1_000);
        result.RequestCount.ShouldBe(1_000);
        result.SucceededCount.ShouldBe(10_000);
    }
}
