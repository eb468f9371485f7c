using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ServiceAuth.Client.ClientCredentials.Internal;

namespace ServiceAuth.Client.Caching.Internal;

/// <summary>
/// Shares access tokens between processes through an <see cref="IDistributedCache"/> (Redis): the in-process
/// <see cref="TokenEntry"/> is the L1. Read on a cold or refreshing entry; a shared token is used only if it unprotects,
/// is bound to this entry's key, is not older than one this process saw for the key (rollback), was not refused by a
/// target here, and has more than the minimum lifetime left. A token fetched from the identity provider is written behind
/// the caller, until its refresh-ahead time. With an <see cref="ISharedTokenLease"/>, a miss goes through
/// <see cref="FleetSingleFlight"/>: one process of the fleet asks the identity provider. Any cache failure is logged and the identity provider is asked instead.
/// </summary>
internal sealed class DistributedTokenStore : ISharedTokenStore
{
    private const string KeyPrefix = "ServiceAuth.Client:token:v2:";

    private readonly IDistributedCache _cache;
    private readonly SharedTokenProtector _protector;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly RejectedTokens _rejected;
    private readonly FleetSingleFlight? _singleFlight;
    private readonly ConcurrentDictionary<string, long> _generations = new(StringComparer.Ordinal);

    public DistributedTokenStore(IDistributedCache cache, SharedTokenProtector protector, TimeProvider? timeProvider, ILoggerFactory? loggerFactory, ISharedTokenLease? lease = null)
    {
        _cache = cache;
        _protector = protector;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("ServiceAuth.Client.Caching");
        _rejected = new RejectedTokens(_timeProvider);
        _singleFlight = lease is null ? null : new FleetSingleFlight(lease, _timeProvider, _logger);
    }

    /// <summary>The last write started behind a caller (tests await it).</summary>
    internal Task LastWrite { get; private set; } = Task.CompletedTask;

    public async Task<AccessToken> GetOrFetchAsync(
        string sharedKey, string description, Func<CancellationToken, Task<AccessToken>> fetchFromIdentityProvider, CancellationToken cancellationToken)
    {
        string cacheKey = KeyPrefix + sharedKey;
        (AccessToken? shared, bool failed) = await ReadAsync(cacheKey, description, cancellationToken).ConfigureAwait(false);
        if (shared is not null || _singleFlight is null || failed)
        {
            return shared ?? await FetchAndShareAsync(cacheKey, description, fetchFromIdentityProvider, null, cancellationToken).ConfigureAwait(false);
        }

        return await _singleFlight.GetAsync(
            cacheKey,
            description,
            async () => (await ReadAsync(cacheKey, description, cancellationToken).ConfigureAwait(false)).Token,
            release => FetchAndShareAsync(cacheKey, description, fetchFromIdentityProvider, release, cancellationToken),
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<AccessToken> FetchAndShareAsync(
        string cacheKey, string description, Func<CancellationToken, Task<AccessToken>> fetchFromIdentityProvider, Func<Task>? release, CancellationToken cancellationToken)
    {
        AccessToken token;
        try
        {
            token = await fetchFromIdentityProvider(cancellationToken).ConfigureAwait(false);
        }
        catch when (release is not null)
        {
            LastWrite = Task.Run(() => ReleaseAsync(release, description), CancellationToken.None);
            throw;
        }

        long generation = _generations.AddOrUpdate(cacheKey, _ => _timeProvider.GetUtcNow().UtcTicks, (_, seen) => Math.Max(seen + 1, _timeProvider.GetUtcNow().UtcTicks));
        LastWrite = Task.Run(
            async () =>
            {
                await WriteAsync(cacheKey, generation, token, description).ConfigureAwait(false);
                await ReleaseAsync(release, description).ConfigureAwait(false);
            },
            CancellationToken.None);
        return token;
    }

    public void Rejected(AccessToken token) => _rejected.Add(token);

    private async Task ReleaseAsync(Func<Task>? release, string description)
    {
        try
        {
            await (release?.Invoke() ?? Task.CompletedTask).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.LeaseFailed(_logger, description, e.GetType().Name);
        }
    }

    private async Task<(AccessToken? Token, bool Failed)> ReadAsync(string cacheKey, string description, CancellationToken cancellationToken)
    {
        byte[]? stored;
        try
        {
            stored = await _cache.GetAsync(cacheKey, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.SharedCacheReadFailed(_logger, description, e.GetType().Name);
            return (null, true);
        }

        if (stored is null)
        {
            return (null, false);
        }

        SharedToken? read = _protector.Unprotect(cacheKey, stored);
        string? refused = read is not { } shared ? "it does not unprotect as this entry's value (another key ring, another entry's value, or tampered)"
            : _rejected.Contains(shared.Token) ? "a target refused it"
            : _generations.TryGetValue(cacheKey, out long seen) && shared.Generation < seen ? "it is older than a token this process saw for the entry"
            : null;
        if (refused is not null)
        {
            Log.SharedTokenRefused(_logger, description, refused);
            await RemoveAsync(cacheKey, description).ConfigureAwait(false);
            return (null, false);
        }

        SharedToken accepted = read!.Value;
        if (accepted.Token.ExpiresAt - _timeProvider.GetUtcNow() <= TokenRefreshPolicy.Policy.MinLifetime)
        {
            return (null, false);
        }

        _generations.AddOrUpdate(cacheKey, accepted.Generation, (_, seen) => Math.Max(seen, accepted.Generation));
        Log.SharedTokenUsed(_logger, description, accepted.Token.ExpiresAt);
        return (accepted.Token, false);
    }

    private async Task RemoveAsync(string cacheKey, string description)
    {
        try
        {
            await _cache.RemoveAsync(cacheKey, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.SharedCacheWriteFailed(_logger, description, e.GetType().Name);
        }
    }

    private async Task WriteAsync(string cacheKey, long generation, AccessToken token, string description)
    {
        DateTimeOffset now = _timeProvider.GetUtcNow();
        TimeSpan shareFor = TokenRefreshPolicy.Policy.RefreshAt(now, token.ExpiresAt) - now;
        if (shareFor <= TimeSpan.Zero)
        {
            return;
        }

        try
        {
            var options = new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = shareFor };
            await _cache.SetAsync(cacheKey, _protector.Protect(cacheKey, generation, token), options, CancellationToken.None).ConfigureAwait(false);
            Log.SharedTokenWritten(_logger, description, now + shareFor);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.SharedCacheWriteFailed(_logger, description, e.GetType().Name);
        }
    }
}
