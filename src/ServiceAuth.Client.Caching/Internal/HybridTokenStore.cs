using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ServiceAuth.Client.ClientCredentials.Internal;

namespace ServiceAuth.Client.Caching.Internal;

/// <summary>
/// Shares access tokens between processes through <see cref="HybridCache"/>'s distributed (L2) cache only: the in-process
/// <see cref="TokenEntry"/> is the L1, so HybridCache's own memory cache is off. Read on a cold or refreshing entry; a
/// token fetched from the identity provider is written until its refresh-ahead time, so a process that refreshes never
/// reads back the token it is replacing. Any cache failure is logged and the identity provider is asked instead.
/// </summary>
internal sealed class HybridTokenStore : ISharedTokenStore
{
    private const string KeyPrefix = "ServiceAuth.Client:token:";

    private static readonly HybridCacheEntryOptions ReadOnly = new()
    {
        Flags = HybridCacheEntryFlags.DisableLocalCache | HybridCacheEntryFlags.DisableUnderlyingData,
    };

    private readonly HybridCache _cache;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    public HybridTokenStore(HybridCache cache, TimeProvider? timeProvider, ILoggerFactory? loggerFactory)
    {
        _cache = cache;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("ServiceAuth.Client.Caching");
    }

    public async Task<AccessToken> GetOrFetchAsync(
        TokenCacheKey key, string description, Func<CancellationToken, Task<AccessToken>> fetchFromIdentityProvider, CancellationToken cancellationToken)
    {
        string cacheKey = CacheKey(key);
        AccessToken? shared = await ReadAsync(cacheKey, description, cancellationToken).ConfigureAwait(false);
        if (shared is not null && shared.ExpiresAt - _timeProvider.GetUtcNow() > TokenRefreshPolicy.Policy.MinLifetime)
        {
            Log.SharedTokenUsed(_logger, description, shared.ExpiresAt);
            return shared;
        }

        AccessToken token = await fetchFromIdentityProvider(cancellationToken).ConfigureAwait(false);
        await WriteAsync(cacheKey, token, description, cancellationToken).ConfigureAwait(false);
        return token;
    }

    /// <summary>The L2 key: a prefix and the SHA-256 of (token endpoint, client id, scopes, resource).</summary>
    internal static string CacheKey(TokenCacheKey key)
    {
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{key.TokenEndpoint}\n{key.ClientId}\n{key.Scopes}\n{key.Resource}"));
        return KeyPrefix + Convert.ToHexString(hash);
    }

    private async Task<AccessToken?> ReadAsync(string cacheKey, string description, CancellationToken cancellationToken)
    {
        try
        {
            return await _cache.GetOrCreateAsync<AccessToken?>(cacheKey, static _ => default, ReadOnly, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.SharedCacheReadFailed(_logger, description, e.GetType().Name);
            return null;
        }
    }

    private async Task WriteAsync(string cacheKey, AccessToken token, string description, CancellationToken cancellationToken)
    {
        DateTimeOffset now = _timeProvider.GetUtcNow();
        TimeSpan shareFor = TokenRefreshPolicy.Policy.RefreshAt(now, token.ExpiresAt) - now;
        if (shareFor <= TimeSpan.Zero)
        {
            return;
        }

        try
        {
            var options = new HybridCacheEntryOptions { Expiration = shareFor, Flags = HybridCacheEntryFlags.DisableLocalCache };
            await _cache.SetAsync(cacheKey, token, options, cancellationToken: cancellationToken).ConfigureAwait(false);
            Log.SharedTokenWritten(_logger, description, now + shareFor);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.SharedCacheWriteFailed(_logger, description, e.GetType().Name);
        }
    }
}
