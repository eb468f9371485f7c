using ServiceAuth.Client.Sns;
using ServiceAuth.Client.Tests.Sns.Support;

namespace ServiceAuth.Client.Tests.Sns;

/// <summary>Issue 9 item 1: whatever fails, every message ends with exactly one result, and a cancelled batch carries the
/// results known so far.</summary>
public sealed class SnsBatchFaultTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task PublishBatchAsync_AChunkThrowsAnUnexpectedException_OtherChunksKeepTheirResults(int concurrency)
    {
        using var host = new SnsTestHost<string>(o => o.MaxConcurrentBatchRequests = concurrency, r => r.BatchIds[0] == "10"
            ? throw new ObjectDisposedException("primary handler")
            : SnsResponses.Batch(r));

        SnsBatchResult result = await host.Publisher.PublishBatchAsync([.. Enumerable.Range(0, 25).Select(i => $"m{i}")]);

        result.Entries.Count.ShouldBe(25);
        result.Entries.Take(10).ShouldAllBe(e => e.MessageId != null);
        result.Entries.Skip(20).ShouldAllBe(e => e.MessageId != null);
        result.Entries.Skip(10).Take(10).ShouldAllBe(e => e.ErrorCode == "RequestFailed" && !e.SenderFault && e.Attempts == 1);
    }

    [Fact]
    public async Task PublishBatchAsync_CallerCancelsMidway_ThrowsACanceledExceptionCarryingTheAcceptedResults()
    {
        using var cts = new CancellationTokenSource();
        using var host = new SnsTestHost<string>(o => o.MaxConcurrentBatchRequests = 1, r =>
        {
            if (r.BatchIds[0] == "10")
            {
                cts.Cancel();
                throw new OperationCanceledException(cts.Token);
            }

            return SnsResponses.Batch(r);
        });

        // Awaited (not Should.ThrowAsync, which turns any cancelled task into a TaskCanceledException).
        var ex = (await Record.ExceptionAsync(() => host.Publisher.PublishBatchAsync([.. Enumerable.Range(0, 25).Select(i => $"m{i}")], cts.Token)))
            .ShouldBeOfType<SnsBatchCanceledException>();

        ex.ShouldBeAssignableTo<OperationCanceledException>();
        ex.CancellationToken.ShouldBe(cts.Token);
        ex.PartialResult.Entries.Count.ShouldBe(25);
        ex.PartialResult.Entries.Take(10).Select(e => e.MessageId).ShouldBe(Enumerable.Range(0, 10).Select(i => $"msg-{i}"));
        ex.PartialResult.Entries.Skip(10).Take(10).ShouldAllBe(e => e.ErrorCode == "Canceled" && e.Attempts == 1);
        ex.PartialResult.Entries.Skip(20).ShouldAllBe(e => e.ErrorCode == "NotAttempted" && e.Attempts == 0);
        ex.PartialResult.SucceededCount.ShouldBe(10);
    }

    [Fact]
    public async Task PublishBatchAsync_CallerCancelsDuringRetryBackoff_AcceptedResultsAreKept()
    {
        using var cts = new CancellationTokenSource();
        using var host = new SnsTestHost<string>(respond: r => SnsResponses.Batch(r, id => id == "1" ? ("Throttling", false) : null));

        Task<SnsBatchResult> publishing = host.Publisher.PublishBatchAsync(["a", "b", "c"], cts.Token);
        (await host.Time.TimerCreated.WaitAsync(TimeSpan.FromSeconds(30))).ShouldBeTrue();
        cts.Cancel();

        var ex = (await Record.ExceptionAsync(() => publishing)).ShouldBeOfType<SnsBatchCanceledException>();
        ex.PartialResult.Entries.Select(e => e.MessageId).ShouldBe(["msg-0", null, "msg-2"]);
        ex.PartialResult.Entries[1].ErrorCode.ShouldBe("Throttling");
        ex.PartialResult.Entries[1].Attempts.ShouldBe(1);
    }
}
