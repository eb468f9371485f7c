using System.Collections.Frozen;
using ServiceAuth.Client.IdentityTokens.Internal;

namespace ServiceAuth.Client.AspNetCore.IdentityTokens.Internal;

/// <summary>The fixed list of regional STS hosts a token may name, built once from the configured partitions and
/// regions: host → region. Nothing in a token can add to it.</summary>
internal sealed class AllowedStsHosts
{
    private readonly FrozenDictionary<string, string> _regionByHost;

    public AllowedStsHosts(IEnumerable<string> partitions, IEnumerable<string> regions)
    {
        var allowedPartitions = new HashSet<string>(partitions, StringComparer.Ordinal);
        List<string> chosen = [.. regions];
        if (chosen.Count == 0)
        {
            chosen = [.. allowedPartitions.SelectMany(StsPartitions.Regions)];
        }

        _regionByHost = chosen
            .Where(r => StsPartitions.IsRegionName(r) && allowedPartitions.Contains(StsPartitions.PartitionOf(r)))
            .Distinct(StringComparer.Ordinal)
            .ToFrozenDictionary(StsPartitions.Host, r => r, StringComparer.Ordinal);
    }

    public int Count => _regionByHost.Count;

    /// <summary>The region of an allowed host (exact, case-sensitive match), or <see langword="null"/>.</summary>
    public string? RegionOf(string host) => _regionByHost.GetValueOrDefault(host);
}
