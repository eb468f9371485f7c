using Amazon.Runtime;
using Microsoft.Extensions.Logging;
using ServiceAuth.Client.Diagnostics;
using ServiceAuth.Client.Protocol.Internal;

namespace ServiceAuth.Client.Credentials.Internal;

/// <summary>
/// One cache entry: the temporary credentials of a role, as an <see cref="AWSCredentials"/> any AWS SDK client can use.
/// A warm lookup reads one immutable snapshot and returns its completed task: no lock, no allocation. From the advisory
/// window one background refresh runs while callers keep the current credentials; callers wait only in the last minute,
/// all on one shared refresh. A failed refresh keeps serving valid credentials and backs off 5–10 minutes; without valid
/// credentials the failure is thrown fast for 1–5 seconds.
/// </summary>
internal sealed class AssumedRoleCredentials : AWSCredentials, IInvalidatableCredentials
{
    private readonly Func<CancellationToken, Task<AssumeRoleResult>> _assume;
    private readonly TimeProvider _timeProvider;
    private readonly IRandomizer _random;
    private readonly ILogger _logger;
    private readonly CredentialsMetrics _metrics;
    private readonly object _gate = new();
    private CredentialsSnapshot _snapshot = CredentialsSnapshot.Empty;
    private Task<ImmutableCredentials>? _inflight;
    private long? _lastForcedAt;
    private int _used;

    public AssumedRoleCredentials(AssumeRoleParameters parameters, Func<CancellationToken, Task<AssumeRoleResult>> assume, TimeProvider timeProvider, IRandomizer random, ILogger logger, CredentialsMetrics? metrics = null)
    {
        Parameters = parameters;
        _assume = assume;
        _timeProvider = timeProvider;
        _random = random;
        _logger = logger;
        _metrics = metrics ?? CredentialsMetrics.Shared;
    }

    public AssumeRoleParameters Parameters { get; }

    /// <summary>The refresh running now, if any (tests await it).</summary>
    internal Task<ImmutableCredentials>? PendingRefresh => Volatile.Read(ref _inflight);

    internal CredentialsSnapshot Snapshot => Volatile.Read(ref _snapshot);

    /// <summary>A test seam: called inside a failed refresh between reading the snapshot and publishing the next one.</summary>
    internal Action? FailingRefreshPaused { get; set; }

    public override ImmutableCredentials GetCredentials() => GetCredentialsAsync().GetAwaiter().GetResult();

    /// <summary>When the cache's last sweep saw this entry used (a <see cref="TimeProvider.GetTimestamp"/>).</summary>
    internal long LastSeen { get; private set; }

    /// <summary>Called by the cache's sweep: records a use since the last sweep, and says when the entry was last used.</summary>
    internal long Sweep(long now)
    {
        if (Interlocked.Exchange(ref _used, 0) == 1 || LastSeen == 0)
        {
            LastSeen = now;
        }

        return LastSeen;
    }

    public override Task<ImmutableCredentials> GetCredentialsAsync()
    {
        if (_used == 0)
        {
            // A read before the write keeps the warm path from dirtying the cache line on every lookup.
            Volatile.Write(ref _used, 1);
        }

        CredentialsSnapshot snapshot = Volatile.Read(ref _snapshot);
        DateTimeOffset now = _timeProvider.GetUtcNow();
        if (snapshot.Task is { } cached && now < snapshot.MandatoryAt)
        {
            if (now >= snapshot.RefreshAt && _timeProvider.GetTimestamp() >= snapshot.NextAttemptAt && Volatile.Read(ref _inflight) is null)
            {
                _ = StartRefresh(background: true);
            }

            _metrics.CacheHit();
            return cached;
        }

        return StartRefresh(background: false);
    }

    /// <summary>Drops the cached credentials if they still hold <paramref name="accessKeyId"/>, at most once every
    /// <see cref="RefreshWindows.ForcedRefreshInterval"/>: a target that rejects every request (its own AWS error passed
    /// on, or a hostile endpoint) cannot turn each request into an STS call.</summary>
    public bool Invalidate(string accessKeyId)
    {
        lock (_gate)
        {
            CredentialsSnapshot snapshot = _snapshot;
            if (snapshot.Credentials is null || !string.Equals(snapshot.Credentials.AccessKey, accessKeyId, StringComparison.Ordinal))
            {
                return false;
            }

            if (_lastForcedAt is { } last && _timeProvider.GetElapsedTime(last) < RefreshWindows.ForcedRefreshInterval)
            {
                Log.ForcedRefreshRateLimited(_logger, Parameters.RoleArn, RefreshWindows.ForcedRefreshInterval.TotalSeconds);
                return false;
            }

            _lastForcedAt = _timeProvider.GetTimestamp();
            Volatile.Write(ref _snapshot, CredentialsSnapshot.Empty);
        }

        _metrics.Invalidated();
        Log.CredentialsInvalidated(_logger, Parameters.RoleArn);
        return true;
    }

    public bool Holds(string accessKeyId) =>
        string.Equals(Volatile.Read(ref _snapshot).Credentials?.AccessKey, accessKeyId, StringComparison.Ordinal);

    public override string ToString() => $"Assumed role {Parameters.RoleArn} (session {Parameters.RoleSessionName})";

    private Task<ImmutableCredentials> StartRefresh(bool background)
    {
        TaskCompletionSource<ImmutableCredentials> completion;
        lock (_gate)
        {
            if (_inflight is { } running)
            {
                return running;
            }

            CredentialsSnapshot snapshot = _snapshot;
            DateTimeOffset now = _timeProvider.GetUtcNow();
            long timestamp = _timeProvider.GetTimestamp();
            if (snapshot.IsUsable(now) && (!background || now < snapshot.RefreshAt || timestamp < snapshot.NextAttemptAt))
            {
                return snapshot.Task!;
            }

            if (!background && snapshot.Error is { } error && timestamp < snapshot.ErrorUntil)
            {
                return Task.FromException<ImmutableCredentials>(error);
            }

            completion = new TaskCompletionSource<ImmutableCredentials>(TaskCreationOptions.RunContinuationsAsynchronously);
            _inflight = completion.Task;
        }

        _metrics.RefreshStarted(background);
        Log.RefreshStarted(_logger, Parameters.RoleArn, background ? "background" : "blocking");

        // Decoupled from every caller: no caller's cancellation or context reaches STS.
        _ = Task.Run(() => RefreshAsync(completion));
        return completion.Task;
    }

    private async Task RefreshAsync(TaskCompletionSource<ImmutableCredentials> completion)
    {
        try
        {
            AssumeRoleResult result = await _assume(CancellationToken.None).ConfigureAwait(false);
            DateTimeOffset now = _timeProvider.GetUtcNow();
            if (result.Expiration - now <= RefreshWindows.Mandatory)
            {
                throw new CredentialsUnavailableException(
                    $"STS returned credentials for '{Parameters.RoleArn}' that expire at {result.Expiration:O}, within a minute; is the clock right?", Parameters.RoleArn, null, null, null);
            }

            var fresh = CredentialsSnapshot.Fresh(result.Credentials, result.Expiration, now)
                .WithBackoff(RefreshWindows.Deadline(_timeProvider, RefreshWindows.MinBackgroundInterval));
            Publish(fresh);
            Log.RoleAssumed(_logger, Parameters.RoleArn, Parameters.RoleSessionName, fresh.Expiration, fresh.RefreshAt);
            completion.SetResult(result.Credentials);
        }
        catch (Exception e)
        {
            Fail(completion, e);
        }
    }

    private void Fail(TaskCompletionSource<ImmutableCredentials> completion, Exception e)
    {
        CredentialsUnavailableException error = e as CredentialsUnavailableException
            ?? new CredentialsUnavailableException($"Could not assume role '{Parameters.RoleArn}': {e.GetType().Name}.", Parameters.RoleArn, null, null, e);
        DateTimeOffset now = _timeProvider.GetUtcNow();
        CredentialsSnapshot current;
        TimeSpan wait;
        lock (_gate)
        {
            // Read and publish under the lock that Invalidate takes: a key rejected meanwhile never comes back.
            current = _snapshot;
            FailingRefreshPaused?.Invoke();
            wait = current.IsUsable(now) ? RefreshWindows.Backoff(_random) : RefreshWindows.ErrorCache(_random);
            Volatile.Write(ref _snapshot, current.IsUsable(now)
                ? current.WithBackoff(RefreshWindows.Deadline(_timeProvider, wait))
                : current.WithError(error, RefreshWindows.Deadline(_timeProvider, wait)));
            _inflight = null;
        }

        if (current.IsUsable(now))
        {
            Log.RefreshFailedServingCached(_logger, Parameters.RoleArn, error.StsErrorCode ?? "STS not reached", current.Expiration, now + wait);
            completion.SetResult(current.Credentials!);
            return;
        }

        Log.RefreshFailedNoCredentials(_logger, Parameters.RoleArn, error.StsErrorCode ?? "STS not reached", error.StsRequestId ?? "none", now + wait);
        completion.SetException(error);
    }

    private void Publish(CredentialsSnapshot snapshot)
    {
        lock (_gate)
        {
            Volatile.Write(ref _snapshot, snapshot);
            _inflight = null;
        }
    }
}
