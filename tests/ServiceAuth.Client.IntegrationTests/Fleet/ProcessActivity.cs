namespace ServiceAuth.Client.IntegrationTests.Fleet;

/// <summary>
/// Knows whether any simulated process is running on a thread right now. A process runs inside
/// <see cref="RunAsync{T}"/>, which marks its execution context; the runtime reports every switch of a thread into or out
/// of a marked context, so <see cref="Executing"/> counts the threads running some process's code. When it is zero and
/// the thread pool has nothing queued, every process is waiting on something only the clock can bring: a timer.
/// </summary>
internal sealed class ProcessActivity
{
    private readonly AsyncLocal<object?> _process;
    private int _executing;
    private long _completedAtLastLook = -2;

    public ProcessActivity() => _process = new AsyncLocal<object?>(OnSwitch);

    /// <summary>The threads running some process's code now.</summary>
    public int Executing => Volatile.Read(ref _executing);

    /// <summary>True when no process runs now, nothing is queued, and at most one work item (the caller's own loop) finished
    /// since the last look: a work item just taken from the queue is not yet running in its process's context, and the
    /// second look sees it running or finished. Call it repeatedly, from one loop.</summary>
    public bool IsQuiet()
    {
        long completed = ThreadPool.CompletedWorkItemCount;
        bool quiet = Executing == 0 && ThreadPool.PendingWorkItemCount == 0 && completed - _completedAtLastLook <= 1;
        _completedAtLastLook = completed;
        return quiet;
    }

    /// <summary>Runs <paramref name="process"/> as one process.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> process)
    {
        _process.Value = new object();
        return await process().ConfigureAwait(false);
    }

    private void OnSwitch(AsyncLocalValueChangedArgs<object?> change)
    {
        int delta = (change.CurrentValue is null ? 0 : 1) - (change.PreviousValue is null ? 0 : 1);
        if (delta != 0)
        {
            Interlocked.Add(ref _executing, delta);
        }
    }
}
