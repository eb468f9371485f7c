namespace ServiceAuth.Client.Testing.Internal.Auth;

/// <summary>The parsed SigV4 authorization of a request, from the Authorization header or from a presigned query.</summary>
internal sealed class SigV4Authorization
{
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

    public string Scope => $"{ScopeDate}/{Region}/{Service}/aws4_request";
}
