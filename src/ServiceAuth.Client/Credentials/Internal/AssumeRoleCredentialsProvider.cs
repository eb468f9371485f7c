using System.Collections.Concurrent;
using Amazon.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ServiceAuth.Client.Diagnostics;

namespace ServiceAuth.Client.Credentials.Internal;

/// <summary>The container's assume-role cache: one <see cref="AssumedRoleCredentials"/> entry per (source credentials,
/// role, session parameters), shared by every signed client and SDK client that asks for the same thing.</summary>
internal sealed class AssumeRoleCredentialsProvider : IAssumeRoleCredentialsProvider
{
    private readonly ConcurrentDictionary<(AWSCredentials Source, string Key), Lazy<AssumedRoleCredentials>> _entries = new();
    private readonly IStsClientFactory _clients;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly StsCallSettings _settings;
    private readonly CacheEviction _eviction;
    private readonly CredentialsMetrics _metrics;

    public AssumeRoleCredentialsProvider(IStsClientFactory clients, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null, StsCallSettings? settings = null, CredentialsMetrics? metrics = null)
    {
        _metrics = metrics ?? CredentialsMetrics.Shared;
        _clients = clients;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("ServiceAuth.Client.Credentials");
        _settings = settings ?? StsCallSettings.Default;
        _eviction = new CacheEviction(_clients, _timeProvider, _settings.MaxCacheEntries, _settings.CacheIdleTimeout, _metrics);
    }

    internal int Count => _entries.Count;

    public AWSCredentials GetCredentials(AssumeRoleOptions role, AWSCredentials? sourceCredentials = null, string? region = null)
    {
        ArgumentNullException.ThrowIfNull(role);
        AWSCredentials source = sourceCredentials ?? DefaultChainCredentials.Instance;
        List<string> failures = AssumeRoleValidation.Validate("AssumeRole", role, source, region);
        if (failures.Count > 0)
        {
            throw new ServiceAuthException(string.Join(" ", failures));
        }

        var parameters = AssumeRoleParameters.From(role, role.StsRegion ?? region!);
        (AWSCredentials, string) key = (source, parameters.Key);
        if (_entries.TryGetValue(key, out Lazy<AssumedRoleCredentials>? existing))
        {
            return existing.Value;
        }

        AssumedRoleCredentials entry = _entries.GetOrAdd(key, k => new Lazy<AssumedRoleCredentials>(() => Create(k.Item1, parameters))).Value;
        _eviction.Sweep(_entries, key);
        return entry;
    }

    private AssumedRoleCredentials Create(AWSCredentials source, AssumeRoleParameters parameters)
    {
        // The client is asked for on every call: after an eviction released it, an entry still held elsewhere gets a new one.
        var caller = new StsAssumeRoleCaller(() => _clients.Get(source, parameters.StsRegion, parameters.StsEndpoint), parameters, _settings, _timeProvider, _logger, _metrics);
        Func<CancellationToken, Task<AssumeRoleResult>> assume = source is IInvalidatableCredentials chained
            ? cancellationToken => ChainedSourceGuard.AssumeAsync(source, chained, caller.AssumeAsync, cancellationToken)
            : caller.AssumeAsync;
        _clients.Get(source, parameters.StsRegion, parameters.StsEndpoint); // created now: a bad region fails here, not at the first refresh
        var entry = new AssumedRoleCredentials(parameters, assume, _timeProvider, _settings.Randomizer, _logger, _metrics);
        entry.Sweep(_timeProvider.GetTimestamp());
        return entry;
    }
}
