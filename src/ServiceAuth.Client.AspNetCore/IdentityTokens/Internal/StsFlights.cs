using System.Collections.Concurrent;

namespace ServiceAuth.Client.AspNetCore.IdentityTokens.Internal;

/// <summary>
/// One STS verification per distinct token in flight: concurrent requests with the same token share the first one's
/// outcome. A flight runs detached from the request that started it (no ambient Activity, Baggage or other async-local
/// context reaches STS, and one caller's abort does not fail the others), bounded by the scheme's slot wait and
/// <c>StsTimeout</c>; each request waits for it only as long as the request itself lives.
/// </summary>
internal sealed class StsFlights
{
    private readonly ConcurrentDictionary<string, Task<StsOutcome>> _inFlight = new(StringComparer.Ordinal);

    public int Count => _inFlight.Count;

    public Task<StsOutcome> JoinAsync(string token, Func<Task<StsOutcome>> verify, CancellationToken aborted)
    {
        var mine = new TaskCompletionSource<StsOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<StsOutcome> shared = _inFlight.GetOrAdd(token, mine.Task);
        if (shared == mine.Task)
        {
            using (ExecutionContext.SuppressFlow())
            {
                _ = Task.Run(() => FlyAsync(token, mine, verify), CancellationToken.None);
            }
        }

        return shared.WaitAsync(aborted);
    }

    private async Task FlyAsync(string token, TaskCompletionSource<StsOutcome> flight, Func<Task<StsOutcome>> verify)
    {
        try
        {
            StsOutcome outcome = await verify().ConfigureAwait(false);
            _inFlight.TryRemove(new KeyValuePair<string, Task<StsOutcome>>(token, flight.Task));
            flight.SetResult(outcome);
        }
        catch (Exception e)
        {
            _inFlight.TryRemove(new KeyValuePair<string, Task<StsOutcome>>(token, flight.Task));
            flight.SetException(e);
        }
    }
}
