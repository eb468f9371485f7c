using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ServiceAuth.Client.Diagnostics;
using ServiceAuth.Client.Protocol.Internal;

namespace ServiceAuth.Client.ClientCredentials.Internal;

/// <summary>The container's access token cache: one <see cref="TokenEntry"/> per (token endpoint, client id, scopes,
/// resource, secret), shared by every HttpClient that asks for the same token with the same secret (or secret
/// provider).</summary>
internal sealed class ClientCredentialsTokenCache
{
    private readonly ConcurrentDictionary<TokenCacheKey, Lazy<TokenEntry>> _entries = new();
    private readonly Func<ClientCredentialsTokenOptions, TokenEndpointClient>? _client;
    private readonly Func<ClientCredentialsTokenOptions, Func<CancellationToken, Task<AccessToken>>>? _fetcher;
    private readonly TimeProvider _timeProvider;
    private readonly IRandomizer _random;
    private readonly ILogger _logger;
    private readonly ISharedTokenStore? _sharedStore;
    private readonly TokenMetrics _metrics;

    public ClientCredentialsTokenCache(
        IHttpClientFactory clients, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null, ISharedTokenStore? sharedStore = null,
        TokenMetrics? metrics = null)
        : this(fetcher: null, timeProvider, loggerFactory, random: null, metrics)
    {
        _client = options => new TokenEndpointClient(options, () => clients.CreateClient(TokenEndpointClient.HttpClientName), _timeProvider, _logger, _metrics);
        _sharedStore = sharedStore;
    }

    internal ClientCredentialsTokenCache(
        Func<ClientCredentialsTokenOptions, Func<CancellationToken, Task<AccessToken>>>? fetcher, TimeProvider? timeProvider, ILoggerFactory? loggerFactory, IRandomizer? random, TokenMetrics? metrics = null)
    {
        _metrics = metrics ?? TokenMetrics.Shared;
        _fetcher = fetcher;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _random = random ?? SystemRandomizer.Shared;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("ServiceAuth.Client.ClientCredentials");
    }

    internal int Count => _entries.Count;

    public TokenEntry GetEntry(ClientCredentialsTokenOptions options) =>
        _entries.GetOrAdd(TokenCacheKey.From(options), key => new Lazy<TokenEntry>(() => Create(key, options))).Value;

    /// <summary>Names a client for logs and messages: client id and token endpoint, never the secret.</summary>
    public static string Describe(ClientCredentialsTokenOptions options) =>
        $"client '{options.ClientId}' at {options.TokenEndpoint?.GetLeftPart(UriPartial.Path)}";

    private TokenEntry Create(TokenCacheKey key, ClientCredentialsTokenOptions options)
    {
        string description = Describe(options);
        if (_fetcher is not null)
        {
            return new(description, _fetcher(options), _timeProvider, _random, _logger, _metrics);
        }

        TokenEndpointClient client = _client!(options);
        if (_sharedStore is not { } store)
        {
            return new(description, client.RequestAsync, _timeProvider, _random, _logger, _metrics);
        }

        // The shared key is a keyed hash of the secret in use: a rotated secret (provider) gets entries of its own.
        return new(description, async cancellationToken =>
        {
            string secret = await client.SecretAsync(cancellationToken).ConfigureAwait(false);
            string shared = key.SecretHash ?? TokenCacheKey.HashSecret(key.TokenEndpoint, key.ClientId, key.Scopes, key.Resource, secret);
            return await store.GetOrFetchAsync(shared, description, c => client.RequestAsync(secret, c), cancellationToken).ConfigureAwait(false);
        }, _timeProvider, _random, _logger, _metrics, store.Rejected);
    }
}
