using Microsoft.Extensions.Logging;
using ServiceAuth.Client.Diagnostics;
using ServiceAuth.Client.Protocol.Internal;

namespace ServiceAuth.Client.ClientCredentials.Internal;

/// <summary>
/// One token cache entry, held by the shared <see cref="RefreshAheadValue{T}"/> with the <see cref="TokenRefreshPolicy"/>.
/// A warm lookup returns the token in a completed <see cref="ValueTask{TResult}"/>: no lock, no allocation. From the
/// advisory window one background refresh runs while callers keep the current token; callers wait only in the mandatory
/// window, all on one shared fetch that no caller's cancellation reaches. A valid token is served whatever the refresh
/// does; without one the failure is thrown fast.
/// </summary>
internal sealed class TokenEntry
{
    private static readonly Func<AccessToken, AccessToken, bool> IsSame = static (cached, used) => ReferenceEquals(cached, used);

    private readonly RefreshAheadValue<AccessToken> _value;
    private readonly Action<AccessToken>? _rejected;

    public TokenEntry(
        string description, Func<CancellationToken, Task<AccessToken>> fetch, TimeProvider timeProvider, IRandomizer random, ILogger logger, TokenMetrics? metrics = null, Action<AccessToken>? rejected = null)
    {
        Description = description;
        _rejected = rejected;
        var events = new TokenRefreshEvents(description, logger, metrics ?? TokenMetrics.Shared);
        _value = new RefreshAheadValue<AccessToken>(TokenRefreshPolicy.Policy, async cancellationToken =>
        {
            AccessToken token = await fetch(cancellationToken).ConfigureAwait(false);
            return new Expiring<AccessToken>(token, token.ExpiresAt);
        }, events, timeProvider, random);
    }

    /// <summary>Gets the client id and token endpoint, for logs (never the secret).</summary>
    public string Description { get; }

    /// <summary>The fetch running now, if any (tests await it).</summary>
    internal Task<AccessToken>? PendingRefresh => _value.PendingRefresh;

    internal RefreshSnapshot<AccessToken> Snapshot => _value.Snapshot;

    /// <summary>A test seam: called inside a failed refresh between reading the snapshot and publishing the next one.</summary>
    internal Action? FailingRefreshPaused
    {
        get => _value.FailingRefreshPaused;
        set => _value.FailingRefreshPaused = value;
    }

    public ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken) => new(_value.GetAsync(cancellationToken));

    /// <summary>
    /// A target refused <paramref name="used"/> as <c>invalid_token</c>: drops it if it is still cached, at most once per
    /// 30 seconds. Returns whether sending again with the token the cache now gives is worthwhile (false when the drop was
    /// rate-limited). The shared store, if any, is told either way: it never hands the rejected token out again.
    /// </summary>
    public bool Invalidate(AccessToken used)
    {
        _rejected?.Invoke(used);
        return _value.Invalidate(IsSame, used) != InvalidationResult.RateLimited;
    }
}
