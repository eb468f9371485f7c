using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ServiceAuth.Client.Diagnostics;
using ServiceAuth.Client.Protocol.Internal;

namespace ServiceAuth.Client.ClientCredentials.Internal;

/// <summary>The container's access token cache: one <see cref="TokenEntry"/> per (token endpoint, client id, scopes,
/// resource), shared by every HttpClient that asks for the same token. The first client to ask creates the entry with
/// its secret; clients sharing a key must share the secret.</summary>
internal sealed class ClientCredentialsTokenCache
{
    private readonly ConcurrentDictionary<TokenCacheKey, Lazy<TokenEntry>> _entries = new();
    private readonly Func<ClientCredentialsTokenOptions, Func<CancellationToken, Task<AccessToken>>> _fetcher;
    private readonly TimeProvider _timeProvider;
    private readonly IRandomizer _random;
    private readonly ILogger _logger;
    private readonly ISharedTokenStore? _sharedStore;
    private readonly TokenMetrics _metrics;

    public ClientCredentialsTokenCache(
        IHttpClientFactory clients, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null, ISharedTokenStore? sharedStore = null,
        TokenMetrics? metrics = null)
        : this(fetcher: null!, timeProvider, loggerFactory, random: null, metrics)
    {
        _fetcher = options => new TokenEndpointClient(options, () => clients.CreateClient(TokenEndpointClient.HttpClientName), _timeProvider, _logger, _metrics).RequestAsync;
        _sharedStore = sharedStore;
    }

    internal ClientCredentialsTokenCache(
        Func<ClientCredentialsTokenOptions, Func<CancellationToken, Task<AccessToken>>> fetcher, TimeProvider? timeProvider, ILoggerFactory? loggerFactory, IRandomizer? random, TokenMetrics? metrics = null)
    {
        _metrics = metrics ?? TokenMetrics.Shared;
        _fetcher = fetcher;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _random = random ?? SystemRandomizer.Shared;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("ServiceAuth.Client.ClientCredentials");
    }

    internal int Count => _entries.Count;

    public TokenEntry GetEntry(ClientCredentialsTokenOptions options) =>
        _entries.GetOrAdd(TokenCacheKey.From(options), key => new Lazy<TokenEntry>(() => Create(options))).Value;

    /// <summary>Names a client for logs and messages: client id and token endpoint, never the secret.</summary>
    public static string Describe(ClientCredentialsTokenOptions options) =>
        $"client '{options.ClientId}' at {options.TokenEndpoint?.GetLeftPart(UriPartial.Path)}";

    private TokenEntry Create(ClientCredentialsTokenOptions options)
    {
        string description = Describe(options);
        Func<CancellationToken, Task<AccessToken>> fetch = _fetcher(options);
        if (_sharedStore is { } store)
        {
            TokenCacheKey key = TokenCacheKey.From(options);
            Func<CancellationToken, Task<AccessToken>> fromIdp = fetch;
            fetch = cancellationToken => store.GetOrFetchAsync(key, description, fromIdp, cancellationToken);
        }

        return new(description, fetch, _timeProvider, _random, _logger, _metrics);
    }
}
