namespace ServiceAuth.Client.Protocol.Internal;

/// <summary>
/// The one refresh-ahead cache of a value that expires (assume-role credentials, client-credentials tokens; what differs
/// between them is a <see cref="RefreshPolicy"/> and an <see cref="IRefreshAheadEvents{T}"/>). A warm lookup reads one
/// immutable <see cref="RefreshSnapshot{T}"/> and returns its completed task: no lock, no allocation. From the advisory
/// window one background refresh runs while callers keep the value; in the mandatory window callers wait, all on one
/// shared refresh that no caller's cancellation reaches. A value still valid is served whatever the refresh does; without
/// one, the failure is thrown fast for the error cache. Failures, invalidations and publications change the snapshot under
/// one lock, so an invalidation is never undone by a concurrent failure. Every duration runs on timestamps.
/// </summary>
internal sealed class RefreshAheadValue<T>
    where T : class
{
    private readonly RefreshPolicy _policy;
    private readonly Func<CancellationToken, Task<Expiring<T>>> _fetch;
    private readonly IRefreshAheadEvents<T> _events;
    private readonly TimeProvider _timeProvider;
    private readonly IRandomizer _random;
    private readonly double _jitter;
    private readonly object _gate = new();
    private RefreshSnapshot<T> _snapshot = RefreshSnapshot<T>.Empty;
    private Task<T>? _inflight;
    private long? _lastInvalidatedAt;

    public RefreshAheadValue(RefreshPolicy policy, Func<CancellationToken, Task<Expiring<T>>> fetch, IRefreshAheadEvents<T> events, TimeProvider timeProvider, IRandomizer random)
    {
        _policy = policy;
        _fetch = fetch;
        _events = events;
        _timeProvider = timeProvider;
        _random = random;
        _jitter = policy.RefreshSpread > 0 ? random.NextRefreshOffset() : 0;
    }

    public RefreshSnapshot<T> Snapshot => Volatile.Read(ref _snapshot);

    /// <summary>The refresh running now, if any (tests await it).</summary>
    public Task<T>? PendingRefresh => Volatile.Read(ref _inflight);

    /// <summary>A test seam: called inside a failed refresh between reading the snapshot and publishing the next one.</summary>
    public Action? FailingRefreshPaused { get; set; }

    public Task<T> GetAsync()
    {
        RefreshSnapshot<T> snapshot = Volatile.Read(ref _snapshot);
        if (snapshot.Task is { } cached)
        {
            DateTimeOffset now = _timeProvider.GetUtcNow();
            if (now < snapshot.MandatoryAt)
            {
                if (now >= snapshot.RefreshAt && Volatile.Read(ref _inflight) is null && _timeProvider.GetTimestamp() >= snapshot.NextAttemptAt)
                {
                    _ = StartRefresh(background: true);
                }

                _events.CacheHit();
                return cached;
            }

            if (snapshot.Failures > 0 && now < snapshot.ExpiresAt && _timeProvider.GetTimestamp() < snapshot.NextAttemptAt)
            {
                _events.CacheHit();
                return cached;
            }
        }

        return StartRefresh(background: false);
    }

    /// <summary>As <see cref="GetAsync()"/>; the caller's cancellation ends its own wait only, never the shared refresh.</summary>
    public Task<T> GetAsync(CancellationToken cancellationToken)
    {
        Task<T> pending = GetAsync();
        return pending.IsCompleted || !cancellationToken.CanBeCanceled ? pending : pending.WaitAsync(cancellationToken);
    }

    /// <summary>Drops the value if <paramref name="holds"/> says it is the rejected one, at most once per the policy's
    /// invalidation interval: a target that rejects everything cannot turn each request into a refresh.</summary>
    public InvalidationResult Invalidate<TState>(Func<T, TState, bool> holds, TState state)
    {
        lock (_gate)
        {
            if (_snapshot.Value is not { } current || !holds(current, state))
            {
                return InvalidationResult.NotHeld;
            }

            if (_lastInvalidatedAt is { } last && _timeProvider.GetElapsedTime(last) is var since && since < _policy.InvalidationInterval)
            {
                _events.InvalidationRateLimited(_timeProvider.GetUtcNow() + (_policy.InvalidationInterval - since), _policy.InvalidationInterval);
                return InvalidationResult.RateLimited;
            }

            _lastInvalidatedAt = _timeProvider.GetTimestamp();
            Volatile.Write(ref _snapshot, RefreshSnapshot<T>.Empty);
        }

        _events.Invalidated();
        return InvalidationResult.Invalidated;
    }

    private Task<T> StartRefresh(bool background)
    {
        TaskCompletionSource<T> completion;
        lock (_gate)
        {
            if (_inflight is { } running)
            {
                return running;
            }

            RefreshSnapshot<T> snapshot = _snapshot;
            DateTimeOffset now = _timeProvider.GetUtcNow();
            bool waited = _timeProvider.GetTimestamp() >= snapshot.NextAttemptAt;
            if (snapshot.IsValid(now) && (now < snapshot.MandatoryAt ? !background || now < snapshot.RefreshAt || !waited : snapshot.Failures > 0 && !waited))
            {
                return snapshot.Task!;
            }

            if (snapshot.Error is { } error && !waited)
            {
                return Task.FromException<T>(error);
            }

            completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            _inflight = completion.Task;
        }

        _events.RefreshStarted(background);

        // Decoupled from every caller: no caller's cancellation or execution context reaches the source.
        _ = Task.Run(() => RefreshAsync(completion));
        return completion.Task;
    }

    private async Task RefreshAsync(TaskCompletionSource<T> completion)
    {
        try
        {
            Expiring<T> fresh = await _fetch(CancellationToken.None).ConfigureAwait(false);
            DateTimeOffset now = _timeProvider.GetUtcNow();
            if (fresh.ExpiresAt - now <= _policy.MinLifetime)
            {
                throw _events.TooShortLived(fresh.ExpiresAt, _policy.MinLifetime);
            }

            var snapshot = RefreshSnapshot<T>.Fresh(fresh, now, _policy, Deadline(_policy.MinBackgroundInterval), _jitter);
            lock (_gate)
            {
                Volatile.Write(ref _snapshot, snapshot);
                _inflight = null;
            }

            _events.Refreshed(fresh, snapshot.RefreshAt);
            completion.SetResult(fresh.Value);
        }
        catch (Exception e)
        {
            Fail(completion, _events.ToError(e));
        }
    }

    private void Fail(TaskCompletionSource<T> completion, Exception error)
    {
        DateTimeOffset now = _timeProvider.GetUtcNow();
        RefreshSnapshot<T> current;
        TimeSpan wait;
        lock (_gate)
        {
            // Read and publish under the lock Invalidate takes: a value rejected meanwhile never comes back.
            current = _snapshot;
            FailingRefreshPaused?.Invoke();
            wait = current.IsValid(now) && now < current.MandatoryAt ? _policy.Backoff(current.Failures + 1, _random) : _policy.ErrorCache(_random);
            Volatile.Write(ref _snapshot, current.IsValid(now) ? current.WithBackoff(Deadline(wait)) : current.WithError(error, Deadline(wait)));
            _inflight = null;
        }

        if (current.IsValid(now))
        {
            _events.FailedServingCached(error, current.ExpiresAt, now + wait);
            completion.SetResult(current.Value!);
            return;
        }

        _events.FailedWithoutValue(error, now + wait);
        completion.SetException(error);
    }

    private long Deadline(TimeSpan delay) => _timeProvider.GetTimestamp() + (long)(delay.TotalSeconds * _timeProvider.TimestampFrequency);
}
