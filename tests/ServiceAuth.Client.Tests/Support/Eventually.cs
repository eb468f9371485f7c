using System.Diagnostics;

namespace ServiceAuth.Client.Tests.Support;

/// <summary>Waits, without sleeping, for background work to reach a state; fails the test after a generous bound.</summary>
public static class Eventually
{
    public static async Task UntilAsync(Func<bool> condition, string because)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new Xunit.Sdk.XunitException($"Timed out waiting until {because}.");
            }

            await Task.Yield();
            Thread.Yield();
        }
    }

    /// <summary>Advances the fake clock in <paramref name="step"/>s until <paramref name="task"/> completes (at most
    /// <paramref name="maxSteps"/> steps), so that Polly delays and timeouts on fake time run. A step is taken only when the
    /// thread pool has no queued work (and <paramref name="idle"/>, if given, says the outside world is idle): on a busy
    /// machine the clock would otherwise race ahead of the work it drives.</summary>
    public static async Task DriveAsync(Task task, FakeTimeProvider time, TimeSpan step, int maxSteps = 10_000, Func<bool>? idle = null)
    {
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < maxSteps && !task.IsCompleted && watch.Elapsed < TimeSpan.FromSeconds(30);)
        {
            if (ThreadPool.PendingWorkItemCount == 0 && (idle?.Invoke() ?? true))
            {
                time.Advance(step);
                i++;
            }

            await Task.Yield();
            Thread.Yield();
        }

        await UntilAsync(() => task.IsCompleted, "the task completes");
    }
}
