using ServiceAuth.Client.IdentityTokens.Internal;

namespace ServiceAuth.Client.AspNetCore.IdentityTokens.Internal;

/// <summary>A token's STS request after every local check: an allowed host, and the allow-listed parameters only.</summary>
internal sealed class ValidatedStsRequest
{
    public required string Host { get; init; }

    public required string Region { get; init; }

    public required string Audience { get; init; }

    public required SortedDictionary<string, string> Parameters { get; init; }

    public required DateTimeOffset SignedAt { get; init; }

    public required string? Challenge { get; init; }

    public string Partition => StsPartitions.PartitionOf(Region);

    public string Signature => Parameters[StsQuery.Signature];

    /// <summary>The access-key id of the credential scope (checked: 16 to 128 upper-case letters and digits).</summary>
    public string AccessKeyId => Parameters[StsQuery.Credential].Split('/')[0];

    /// <summary>The query rebuilt from the validated parameters, in canonical order and RFC 3986 encoding (the received
    /// text is never forwarded).</summary>
    public string RebuildQuery() => string.Join('&', Parameters.Select(p => $"{p.Key}={StsQuery.Encode(p.Value)}"));
}
