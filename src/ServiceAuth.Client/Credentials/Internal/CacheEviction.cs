using System.Collections.Concurrent;
using Amazon.Runtime;
using ServiceAuth.Client.Diagnostics;

namespace ServiceAuth.Client.Credentials.Internal;

/// <summary>
/// Keeps the assume-role cache bounded: whenever a new entry is added, entries unused for the idle timeout are evicted,
/// then the least recently used beyond the size limit. Use is tracked CLOCK-style (a flag the warm path sets, read here),
/// so a lookup stays allocation-free. An evicted entry's STS client is disposed once no remaining entry shares it; an
/// evicted entry still held somewhere keeps working (it asks for a new client).
/// </summary>
internal sealed class CacheEviction(IStsClientFactory clients, TimeProvider timeProvider, int maxEntries, TimeSpan idleTimeout, CredentialsMetrics? metrics = null)
{
    private readonly CredentialsMetrics _metrics = metrics ?? CredentialsMetrics.Shared;

    private readonly object _gate = new();

    public void Sweep(ConcurrentDictionary<(AWSCredentials Source, string Key), Lazy<AssumedRoleCredentials>> entries, (AWSCredentials, string) added)
    {
        lock (_gate)
        {
            long now = timeProvider.GetTimestamp();
            var candidates = new List<(KeyValuePair<(AWSCredentials Source, string Key), Lazy<AssumedRoleCredentials>> Item, long LastSeen)>();
            foreach (KeyValuePair<(AWSCredentials Source, string Key), Lazy<AssumedRoleCredentials>> item in entries)
            {
                if (item.Value.IsValueCreated && !item.Key.Equals(added) && item.Value.Value.PendingRefresh is null)
                {
                    candidates.Add((item, item.Value.Value.Sweep(now)));
                }
            }

            int excess = entries.Count - maxEntries;
            foreach (var (item, lastSeen) in candidates.OrderBy(c => c.LastSeen))
            {
                bool idle = timeProvider.GetElapsedTime(lastSeen) >= idleTimeout;
                if (!idle && excess <= 0)
                {
                    break;
                }

                if (entries.TryRemove(item))
                {
                    excess--;
                    _metrics.Evicted(idle ? "idle" : "size");
                    Release(entries, item.Key.Source, item.Value.Value.Parameters);
                }
            }
        }
    }

    private void Release(ConcurrentDictionary<(AWSCredentials Source, string Key), Lazy<AssumedRoleCredentials>> entries, AWSCredentials source, AssumeRoleParameters parameters)
    {
        foreach (KeyValuePair<(AWSCredentials Source, string Key), Lazy<AssumedRoleCredentials>> other in entries)
        {
            if (ReferenceEquals(other.Key.Source, source) && other.Value.IsValueCreated
                && other.Value.Value.Parameters.StsRegion == parameters.StsRegion && other.Value.Value.Parameters.StsEndpoint == parameters.StsEndpoint)
            {
                return;
            }
        }

        clients.Release(source, parameters.StsRegion, parameters.StsEndpoint);
    }
}
