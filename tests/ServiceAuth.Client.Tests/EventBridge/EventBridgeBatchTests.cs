using System.Net;
using ServiceAuth.Client.EventBridge;
using ServiceAuth.Client.Tests.EventBridge.Support;
using ServiceAuth.Client.Tests.Sns.Support;

namespace ServiceAuth.Client.Tests.EventBridge;

public sealed class EventBridgeBatchTests
{
    private static string Detail(int i) => $$"""{"i":{{i}}}""";

    [Fact]
    public async Task PublishBatchAsync_25Events_Makes3RequestsOfAtMost10_OneResultPerEventInInputOrder()
    {
        using var host = new EventBridgeTestHost<OrderShipped>();
        OrderShipped[] orders = [.. Enumerable.Range(0, 25).Select(i => new OrderShipped($"o-{i}", i))];

        EventBridgeBatchResult result = await host.Publisher.PublishBatchAsync(orders);

        host.Handler.Requests.Select(r => EventBridgeResponses.Entries(r).Length).Order().ShouldBe([5, 10, 10]);
        result.RequestCount.ShouldBe(3);
        result.AllSucceeded.ShouldBeTrue();
        result.Entries.Select(e => e.Index).ShouldBe(Enumerable.Range(0, 25));
        result.Entries.Select(e => e.EventId).ShouldBe(orders.Select(o => $$"""id-{"OrderId":"{{o.OrderId}}","Parcels":{{o.Parcels}}}"""));
        CapturedRequest first = host.Handler.Requests.Single(r => EventBridgeResponses.Details(r)[0].Contains("\"o-0\"", StringComparison.Ordinal));
        EventBridgeResponses.Entries(first)[0].GetProperty("DetailType").GetString().ShouldBe(nameof(OrderShipped));
        EventBridgeResponses.Entries(first)[0].GetProperty("Source").GetString().ShouldBe("com.example.orders");
        EventBridgeResponses.Entries(first)[0].GetProperty("EventBusName").GetString().ShouldBe(EventBridgeTestHost<OrderShipped>.BusArn);
    }

    [Fact]
    public async Task PublishBatchAsync_SplitsByAwsEntrySizeFormula()
    {
        // Each entry: Source "s" (1) + DetailType "Raw" (3) + Time (14) + Detail {"x":"üüü…"} (8 + 2 × 145 = 298) = 316 bytes; 3 fit in 1,024.
        using var host = new EventBridgeTestHost<string>(o => { o.MaxRequestBytes = 1024; o.Source = "s"; });
        EventBridgeEvent<string>[] events = [.. Enumerable.Range(0, 7).Select(_ => new EventBridgeEvent<string>($$"""{"x":"{{new string('ü', 145)}}"}""") { Time = DateTimeOffset.UnixEpoch })];

        EventBridgeBatchResult result = await host.Publisher.PublishBatchAsync(events);

        host.Handler.Requests.Select(r => EventBridgeResponses.Entries(r).Length).Order().ShouldBe([1, 3, 3]);
        result.AllSucceeded.ShouldBeTrue();
    }

    [Fact]
    public async Task PublishBatchAsync_ReportsFailedEntries_WithCodeAndMessage_AndFailedEntryCount()
    {
        using var host = new EventBridgeTestHost<string>(o => o.MaxBatchRetries = 3, r => EventBridgeResponses.Answer(r, d => d == Detail(1) ? "MalformedDetail" : null));

        EventBridgeBatchResult result = await host.Publisher.PublishBatchAsync([Detail(0), Detail(1), Detail(2)]);

        host.Handler.Requests.Count.ShouldBe(1, "MalformedDetail is not retryable");
        result.SucceededCount.ShouldBe(2);
        result.ReportedFailedEntryCount.ShouldBe(1);
        EventBridgeEntryResult failed = result.Failed.ShouldHaveSingleItem();
        failed.Index.ShouldBe(1);
        failed.ErrorCode.ShouldBe("MalformedDetail");
        failed.ErrorMessage.ShouldBe("MalformedDetail for entry");
        failed.Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task PublishBatchAsync_ResendsOnlyRetryableFailedEntries_AfterBackoff()
    {
        int calls = 0;
        using var host = new EventBridgeTestHost<string>(respond: r => EventBridgeResponses.Answer(r, d =>
            Interlocked.Increment(ref calls) <= 3 && d == Detail(1) ? "ThrottlingException" : d == Detail(2) && calls <= 3 ? "InternalFailure" : null));

        Task<EventBridgeBatchResult> publish = host.Publisher.PublishBatchAsync([Detail(0), Detail(1), Detail(2)]);
        await host.Time.AdvancePastNextDelayAsync();
        EventBridgeBatchResult result = await publish;

        host.Handler.Requests.Count.ShouldBe(2);
        EventBridgeResponses.Details(host.Handler.Requests[1]).ShouldBe([Detail(1), Detail(2)]);
        result.AllSucceeded.ShouldBeTrue();
        result.Entries.Select(e => e.Attempts).ShouldBe([1, 2, 2]);
        result.ReportedFailedEntryCount.ShouldBe(2);
        host.Time.DueTimes.ShouldHaveSingleItem().ShouldBeLessThanOrEqualTo(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task PublishBatchAsync_RetryableEntryThatKeepsFailing_EndsWithItsLastCode()
    {
        using var host = new EventBridgeTestHost<string>(o => o.MaxBatchRetries = 1, r => EventBridgeResponses.Answer(r, _ => "ThrottlingException"));

        Task<EventBridgeBatchResult> publish = host.Publisher.PublishBatchAsync([Detail(0)]);
        await host.Time.AdvancePastNextDelayAsync();
        EventBridgeBatchResult result = await publish;

        host.Handler.Requests.Count.ShouldBe(2);
        result.Entries[0].ErrorCode.ShouldBe("ThrottlingException");
        result.Entries[0].Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task PublishBatchAsync_OneRequestRejected_KeepsTheAcceptedResultsOfTheOthers()
    {
        using var host = new EventBridgeTestHost<string>(o => o.MaxConcurrentBatchRequests = 1, r =>
            EventBridgeResponses.Details(r)[0] == Detail(10) ? EventBridgeResponses.Error(HttpStatusCode.BadRequest, "AccessDeniedException", "not allowed") : EventBridgeResponses.Answer(r));

        EventBridgeBatchResult result = await host.Publisher.PublishBatchAsync(Enumerable.Range(0, 25).Select(Detail));

        result.Entries.Count.ShouldBe(25);
        result.Entries.Take(10).ShouldAllBe(e => e.Succeeded);
        result.Entries.Skip(10).Take(10).ShouldAllBe(e => e.ErrorCode == "AccessDeniedException" && e.ErrorMessage == "not allowed");
        result.Entries.Skip(20).ShouldAllBe(e => e.Succeeded);
    }

    [Fact]
    public async Task PublishBatchAsync_ExceptionInARequest_FailsOnlyItsEntries()
    {
        using var host = new EventBridgeTestHost<string>(o => o.MaxConcurrentBatchRequests = 1, r =>
            EventBridgeResponses.Details(r)[0] == Detail(10) ? throw new HttpRequestException("connection reset") : EventBridgeResponses.Answer(r));

        EventBridgeBatchResult result = await host.Publisher.PublishBatchAsync(Enumerable.Range(0, 15).Select(Detail));

        result.Entries.Take(10).ShouldAllBe(e => e.Succeeded);
        result.Entries.Skip(10).ShouldAllBe(e => e.ErrorCode == "RequestFailed" && e.ErrorMessage!.Contains("may or may not", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PublishBatchAsync_CallerCancels_ThrowsCanceledException_WithTheResultsKnownSoFar()
    {
        using var cts = new CancellationTokenSource();
        using var host = new EventBridgeTestHost<string>(o => o.MaxConcurrentBatchRequests = 1, r =>
        {
            if (EventBridgeResponses.Details(r)[0] == Detail(10))
            {
                cts.Cancel();
                throw new TaskCanceledException("canceled", null, cts.Token);
            }

            return EventBridgeResponses.Answer(r);
        });

        // Awaited directly: the task of an async method that throws an OperationCanceledException is Canceled, and Shouldly's
        // ThrowAsync then reports a new TaskCanceledException instead of the one thrown.
        var ex = (await Record.ExceptionAsync(() => host.Publisher.PublishBatchAsync(Enumerable.Range(0, 25).Select(Detail), cts.Token)))
            .ShouldBeOfType<EventBridgeBatchCanceledException>();

        ex.ShouldBeAssignableTo<OperationCanceledException>();
        ex.CancellationToken.ShouldBe(cts.Token);
        EventBridgeBatchResult partial = ex.PartialResult.ShouldNotBeNull();
        partial.Entries.Count.ShouldBe(25);
        partial.Entries.Take(10).ShouldAllBe(e => e.Succeeded);
        partial.Entries.Skip(10).Take(10).ShouldAllBe(e => e.ErrorCode == "Canceled" && e.Attempts == 1);
        partial.Entries.Skip(20).ShouldAllBe(e => e.ErrorCode == "NotAttempted" && e.Attempts == 0);
    }

    [Fact]
    public async Task PublishBatchAsync_CanceledDuringBackoff_KeepsTheRetryableErrorOfPendingEntries()
    {
        using var cts = new CancellationTokenSource();
        using var host = new EventBridgeTestHost<string>(respond: r => EventBridgeResponses.Answer(r, d => d == Detail(1) ? "ThrottlingException" : null));

        Task<EventBridgeBatchResult> publish = host.Publisher.PublishBatchAsync([Detail(0), Detail(1)], cts.Token);
        (await host.Time.TimerCreated.WaitAsync(TimeSpan.FromSeconds(30))).ShouldBeTrue();
        await cts.CancelAsync();
        var ex = (await Record.ExceptionAsync(() => publish)).ShouldBeOfType<EventBridgeBatchCanceledException>();

        ex.PartialResult!.Entries[0].Succeeded.ShouldBeTrue();
        ex.PartialResult.Entries[1].ErrorCode.ShouldBe("ThrottlingException");
        ex.PartialResult.ReportedFailedEntryCount.ShouldBe(1);
    }

    [Fact]
    public async Task PublishBatchAsync_FewerAnswerEntriesThanSent_FailsTheUnansweredOnes()
    {
        using var host = new EventBridgeTestHost<string>(respond: _ => EventBridgeResponses.Json("""{"Entries":[{"EventId":"e-0"}],"FailedEntryCount":0}"""));

        EventBridgeBatchResult result = await host.Publisher.PublishBatchAsync([Detail(0), Detail(1)]);

        result.Entries[0].EventId.ShouldBe("e-0");
        result.Entries[1].ErrorCode.ShouldBe("MissingResult");
    }
}
