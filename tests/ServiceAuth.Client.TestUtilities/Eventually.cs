using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace ServiceAuth.Client.TestUtilities;

/// <summary>Waits, without sleeping, for background work to reach a state (on the machine's progress, never on a clock the
/// tests read); fails the test after a generous bound of 30 s of real time, so a regression fails instead of hanging.</summary>
public static class Eventually
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(30);

    public static async Task UntilAsync(Func<bool> condition, string because)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > Budget)
            {
                throw new Xunit.Sdk.XunitException($"Timed out waiting until {because}.");
            }

            await Task.Yield();
            Thread.Yield();
        }
    }

    /// <summary>Waits for <paramref name="task"/>, at most 30 s of real time.</summary>
    public static Task<T> Within<T>(Task<T> task) => task.WaitAsync(Budget);

    /// <summary>Advances the fake clock in <paramref name="step"/>s until <paramref name="task"/> completes (at most
    /// <paramref name="maxSteps"/> steps), so that Polly delays and timeouts on fake time run. A step is taken only when the
    /// thread pool has no queued work (and <paramref name="idle"/>, if given, says the outside world is idle): on a busy
    /// machine the clock would otherwise race ahead of the work it drives.</summary>
    public static async Task DriveAsync(Task task, FakeTimeProvider time, TimeSpan step, int maxSteps = 10_000, Func<bool>? idle = null)
    {
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < maxSteps && !task.IsCompleted && watch.Elapsed < Budget;)
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
