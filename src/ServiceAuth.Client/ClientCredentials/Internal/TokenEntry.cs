using Microsoft.Extensions.Logging;
using ServiceAuth.Client.Diagnostics;
using ServiceAuth.Client.Protocol.Internal;

namespace ServiceAuth.Client.ClientCredentials.Internal;

/// <summary>
/// One token cache entry. A warm lookup reads one immutable snapshot and returns the token in a completed
/// <see cref="ValueTask{TResult}"/>: no lock, no allocation. From the advisory window one background refresh runs while
/// callers keep the current token; callers wait only in the mandatory window, all on one shared fetch that no caller's
/// cancellation reaches. Failures back off (valid token) or are thrown fast (none); see <see cref="TokenRefreshPolicy"/>.
/// </summary>
internal sealed class TokenEntry
{
    private readonly Func<CancellationToken, Task<AccessToken>> _fetch;
    private readonly TimeProvider _timeProvider;
    private readonly IRandomizer _random;
    private readonly ILogger _logger;
    private readonly TokenMetrics _metrics;
    private readonly object _gate = new();
    private TokenSnapshot _snapshot = TokenSnapshot.Empty;
    private Task<AccessToken>? _inflight;
    private DateTimeOffset _lastInvalidation = DateTimeOffset.MinValue;

    public TokenEntry(string description, Func<CancellationToken, Task<AccessToken>> fetch, TimeProvider timeProvider, IRandomizer random, ILogger logger, TokenMetrics? metrics = null)
    {
        _metrics = metrics ?? TokenMetrics.Shared;
        Description = description;
        _fetch = fetch;
        _timeProvider = timeProvider;
        _random = random;
        _logger = logger;
    }

    /// <summary>Gets the client id and token endpoint, for logs (never the secret).</summary>
    public string Description { get; }

    /// <summary>The fetch running now, if any (tests await it).</summary>
    internal Task<AccessToken>? PendingRefresh => Volatile.Read(ref _inflight);

    internal TokenSnapshot Snapshot => Volatile.Read(ref _snapshot);

    public ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken)
    {
        TokenSnapshot snapshot = Volatile.Read(ref _snapshot);
        DateTimeOffset now = _timeProvider.GetUtcNow();
        if (snapshot.Token is { } token && now < snapshot.MandatoryAt)
        {
            if (now >= snapshot.RefreshAt && now >= snapshot.NextAttemptAt && Volatile.Read(ref _inflight) is null)
            {
                _ = StartRefresh(background: true);
            }

            return new ValueTask<AccessToken>(token);
        }

        // The shared fetch is never cancelled; a cancelled caller just stops waiting for it.
        return new ValueTask<AccessToken>(StartRefresh(background: false).WaitAsync(cancellationToken));
    }

    /// <summary>
    /// A target refused <paramref name="used"/> as <c>invalid_token</c>: drops it if it is still cached, at most once per
    /// <see cref="TokenRefreshPolicy.MinInvalidationInterval"/>. Returns whether sending again with the token the cache
    /// now gives is worthwhile (false when the drop was rate-limited).
    /// </summary>
    public bool Invalidate(AccessToken used)
    {
        lock (_gate)
        {
            if (!ReferenceEquals(_snapshot.Token, used))
            {
                return true;
            }

            DateTimeOffset now = _timeProvider.GetUtcNow();
            if (now - _lastInvalidation < TokenRefreshPolicy.MinInvalidationInterval)
            {
                Log.TokenInvalidationRateLimited(_logger, Description, _lastInvalidation + TokenRefreshPolicy.MinInvalidationInterval);
                return false;
            }

            _lastInvalidation = now;
            Volatile.Write(ref _snapshot, TokenSnapshot.Empty);
        }

        _metrics.Invalidated();
        Log.TokenInvalidated(_logger, Description);
        return true;
    }

    private Task<AccessToken> StartRefresh(bool background)
    {
        TaskCompletionSource<AccessToken> completion;
        lock (_gate)
        {
            if (_inflight is { } running)
            {
                return running;
            }

            TokenSnapshot snapshot = _snapshot;
            DateTimeOffset now = _timeProvider.GetUtcNow();
            if (snapshot.IsUsable(now) && (!background || now < snapshot.RefreshAt || now < snapshot.NextAttemptAt))
            {
                return Task.FromResult(snapshot.Token!);
            }

            if (!background && snapshot.Error is { } error && now < snapshot.NextAttemptAt)
            {
                return Task.FromException<AccessToken>(error);
            }

            completion = new TaskCompletionSource<AccessToken>(TaskCreationOptions.RunContinuationsAsynchronously);
            _inflight = completion.Task;
        }

        Log.TokenRefreshStarted(_logger, Description, background ? "background" : "blocking");

        // Decoupled from every caller: no caller's cancellation or execution context reaches the token endpoint.
        _ = Task.Run(() => RefreshAsync(completion));
        return completion.Task;
    }

    private async Task RefreshAsync(TaskCompletionSource<AccessToken> completion)
    {
        try
        {
            AccessToken token = await _fetch(CancellationToken.None).ConfigureAwait(false);
            DateTimeOffset now = _timeProvider.GetUtcNow();
            if (token.ExpiresAt - now < TokenRefreshPolicy.MinLifetime)
            {
                throw new TokenUnavailableException(
                    $"The token endpoint gave {Description} a token that expires at {token.ExpiresAt:O}, in less than {TokenRefreshPolicy.MinLifetime.TotalSeconds} seconds; check the app client's access token validity and this machine's clock.", null, null, null);
            }

            var fresh = TokenSnapshot.Fresh(token, now);
            Publish(fresh);
            Log.TokenObtained(_logger, Description, token.ExpiresAt, fresh.RefreshAt);
            completion.SetResult(token);
        }
        catch (Exception e)
        {
            Fail(completion, e);
        }
    }

    private void Fail(TaskCompletionSource<AccessToken> completion, Exception e)
    {
        TokenUnavailableException error = e as TokenUnavailableException
            ?? new TokenUnavailableException($"Could not obtain an access token for {Description}: {e.GetType().Name}.", null, null, e);
        DateTimeOffset now = _timeProvider.GetUtcNow();
        TokenSnapshot current = Volatile.Read(ref _snapshot);
        if (current.IsUsable(now))
        {
            TokenSnapshot backedOff = current.WithBackoff(now + TokenRefreshPolicy.Backoff(current.Failures + 1, _random));
            Publish(backedOff);
            Log.TokenRefreshFailedServingCached(_logger, Description, error.Error, current.Token!.ExpiresAt, backedOff.NextAttemptAt);
            completion.SetResult(current.Token);
            return;
        }

        DateTimeOffset until = now + TokenRefreshPolicy.ErrorCache(_random);
        Publish(current.WithError(error, until));
        Log.TokenRefreshFailedNoToken(_logger, Description, error.Error, error.StatusCode, until);
        completion.SetException(error);
    }

    private void Publish(TokenSnapshot snapshot)
    {
        lock (_gate)
        {
            Volatile.Write(ref _snapshot, snapshot);
            _inflight = null;
        }
    }
}
