using Microsoft.Extensions.Logging;
using ServiceAuth.Client.ClientCredentials.Internal;

namespace ServiceAuth.Client.Caching.Internal;

/// <summary>
/// One token request per fleet for one shared entry: the process that takes the <see cref="ISharedTokenLease"/> asks the
/// identity provider and releases after sharing; the others wait for the release (or poll), boundedly, and read the shared
/// token. A lease whose holder died expires and is taken by one waiter. A lease operation that fails or is slow, or a wait
/// past <see cref="FleetLeasePolicy.MaxWait"/>, makes the process ask the identity provider itself.
/// </summary>
internal sealed class FleetSingleFlight(ISharedTokenLease lease, TimeProvider timeProvider, ILogger logger)
{
    /// <summary>Gets a token: <paramref name="read"/> reads the shared one; <paramref name="fetch"/> asks the identity
    /// provider and shares the token, then calls the release it is given (null when this process holds no lease).</summary>
    public async Task<AccessToken> GetAsync(
        string cacheKey, string description, Func<Task<AccessToken?>> read, Func<Func<Task>?, Task<AccessToken>> fetch, CancellationToken cancellationToken)
    {
        long started = timeProvider.GetTimestamp();
        while (timeProvider.GetElapsedTime(started) is var waited && waited < FleetLeasePolicy.MaxWait)
        {
            LeaseAttempt attempt;
            try
            {
                attempt = await lease.TryAcquireAsync(cacheKey, FleetLeasePolicy.LeaseTime)
                    .WaitAsync(FleetLeasePolicy.OperationTimeout, timeProvider, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Log.LeaseFailed(logger, description, e.GetType().Name);
                return await fetch(null).ConfigureAwait(false);
            }

            await using (attempt.ConfigureAwait(false))
            {
                if (attempt.Acquired)
                {
                    long fence = attempt.Fence;
                    Func<Task> release = () => lease.ReleaseAsync(cacheKey, fence);

                    // The previous holder may have shared and released between this process's read and its set.
                    if (await read().ConfigureAwait(false) is { } justShared)
                    {
                        await release().ConfigureAwait(false);
                        return justShared;
                    }

                    Log.LeaseTaken(logger, description, fence);
                    return await fetch(release).ConfigureAwait(false);
                }

                TimeSpan left = FleetLeasePolicy.MaxWait - waited;
                await Task.WhenAny(attempt.Released, Task.Delay(left < FleetLeasePolicy.PollInterval ? left : FleetLeasePolicy.PollInterval, timeProvider, cancellationToken))
                    .ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (await read().ConfigureAwait(false) is { } shared)
            {
                return shared;
            }
        }

        Log.LeaseWaitExpired(logger, description, FleetLeasePolicy.MaxWait);
        return await fetch(null).ConfigureAwait(false);
    }
}
