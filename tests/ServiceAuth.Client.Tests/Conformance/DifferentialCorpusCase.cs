using System.Text.Json.Serialization;

namespace ServiceAuth.Client.Tests.Conformance;

/// <summary>One request of <c>Data/sigv4-differential-corpus.json</c> and what botocore and @smithy/signature-v4 agreed on.</summary>
public sealed class DifferentialCorpusCase
{
    [JsonPropertyName("id")]
    public int Id { get; init; }

    /// <summary>Gets <c>header</c> or <c>presign</c>.</summary>
    [JsonPropertyName("mode")]
    public string Mode { get; init; } = string.Empty;

    [JsonPropertyName("method")]
    public string Method { get; init; } = string.Empty;

    /// <summary>Gets the URL as it goes on the wire.</summary>
    [JsonPropertyName("url")]
    public string Url { get; init; } = string.Empty;

    /// <summary>Gets the wire path, which <see cref="Uri.AbsolutePath"/> must equal.</summary>
    [JsonPropertyName("path")]
    public string Path { get; init; } = string.Empty;

    /// <summary>Gets the wire query without <c>?</c>, which <see cref="Uri.Query"/> must equal.</summary>
    [JsonPropertyName("query")]
    public string Query { get; init; } = string.Empty;

    /// <summary>Gets a value indicating whether the path has dot segments, which System.Uri removes unless told to keep
    /// the path verbatim (<see cref="UriCreationOptions.DangerousDisablePathAndQueryCanonicalization"/>).</summary>
    [JsonPropertyName("verbatim")]
    public bool Verbatim { get; init; }

    [JsonPropertyName("headers")]
    public List<List<string>> Headers { get; init; } = [];

    /// <summary>Gets the body, base64, or <see langword="null"/> for none.</summary>
    [JsonPropertyName("body")]
    public string? Body { get; init; }

    [JsonPropertyName("region")]
    public string Region { get; init; } = string.Empty;

    [JsonPropertyName("service")]
    public string Service { get; init; } = string.Empty;

    [JsonPropertyName("accessKey")]
    public string AccessKey { get; init; } = string.Empty;

    [JsonPropertyName("secretKey")]
    public string SecretKey { get; init; } = string.Empty;

    [JsonPropertyName("token")]
    public string? Token { get; init; }

    [JsonPropertyName("time")]
    public DateTimeOffset Time { get; init; }

    [JsonPropertyName("expires")]
    public int? Expires { get; init; }

    [JsonPropertyName("unsignedPayload")]
    public bool UnsignedPayload { get; init; }

    [JsonPropertyName("contentSha256Header")]
    public bool ContentSha256Header { get; init; }

    [JsonPropertyName("canonicalRequest")]
    public string CanonicalRequest { get; init; } = string.Empty;

    [JsonPropertyName("signature")]
    public string Signature { get; init; } = string.Empty;

    [JsonPropertyName("authorization")]
    public string? Authorization { get; init; }

    /// <summary>Gets the headers botocore added in header signing (date, token, payload hash, authorization).</summary>
    [JsonPropertyName("addedHeaders")]
    public List<List<string>>? AddedHeaders { get; init; }

    /// <summary>Gets the query of botocore's presigned URL.</summary>
    [JsonPropertyName("presignedQuery")]
    public string? PresignedQuery { get; init; }
}
