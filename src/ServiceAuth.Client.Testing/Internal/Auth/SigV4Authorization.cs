namespace ServiceAuth.Client.Testing.Internal.Auth;

/// <summary>The parsed SigV4 or SigV4a authorization of a request, from the Authorization header or from a presigned query.</summary>
internal sealed class SigV4Authorization
{
    public const string Algorithm = "AWS4-HMAC-SHA256";
    public const string AlgorithmV4a = "AWS4-ECDSA-P256-SHA256";

    /// <summary>Gets a value indicating whether this is a SigV4a (ECDSA) signature: its scope has no region, and
    /// <see cref="RegionSet"/> carries the regions.</summary>
    public bool IsSigV4a { get; init; }

    /// <summary>Gets the <c>X-Amz-Region-Set</c> of a SigV4a signature.</summary>
    public string? RegionSet { get; init; }

    public required string AccessKeyId { get; init; }

    public required string ScopeDate { get; init; }

    public required string Region { get; init; }

    public required string Service { get; init; }

    public required IReadOnlyList<string> SignedHeaders { get; init; }

    public required string Signature { get; init; }

    public required string AmzDate { get; init; }

    public required DateTimeOffset SignedAt { get; init; }

    public string? SecurityToken { get; init; }

    public bool IsPresigned { get; init; }

    /// <summary>Gets how long a presigned URL is valid, in seconds.</summary>
    public int ExpiresSeconds { get; init; }

    public string Scope => IsSigV4a ? $"{ScopeDate}/{Service}/aws4_request" : $"{ScopeDate}/{Region}/{Service}/aws4_request";

    public string AlgorithmName => IsSigV4a ? AlgorithmV4a : Algorithm;
}
