using ServiceAuth.Client.Signing.Internal;
using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Signing;

/// <summary>
/// The inputs of one SigV4 or SigV4a signature besides the request and the credentials.
/// </summary>
public sealed class SigV4SigningParameters
{
    /// <summary>Gets the region of the credential scope, for example <c>eu-west-1</c>. With
    /// <see cref="SignatureAlgorithm.SigV4a"/> the scope has no region: this is the region set when
    /// <see cref="RegionSet"/> is not set.</summary>
    public required string Region { get; init; }

    /// <summary>Gets the signature algorithm.</summary>
    /// <value>The default value is <see cref="SignatureAlgorithm.SigV4"/>.</value>
    public SignatureAlgorithm Algorithm { get; init; }

    /// <summary>Gets the regions a <see cref="SignatureAlgorithm.SigV4a"/> signature is valid in, sent and signed as
    /// <c>X-Amz-Region-Set</c>: region names separated by commas, <c>*</c> for every region, or a pattern such as
    /// <c>us-*</c>. Ignored by <see cref="SignatureAlgorithm.SigV4"/>.</summary>
    /// <value>The default value is <see langword="null"/>: <see cref="Region"/>.</value>
    public string? RegionSet { get; init; }

    /// <summary>Gets the signing name of the service, for example <c>execute-api</c>, <c>lambda</c> or <c>s3</c>.</summary>
    public required string Service { get; init; }

    /// <summary>Gets the signing time. Only its UTC second is used.</summary>
    public required DateTimeOffset SigningTime { get; init; }

    /// <summary>Gets how the body is signed.</summary>
    /// <value>The default value is <see cref="PayloadSigningMode.Sha256"/>.</value>
    public PayloadSigningMode PayloadSigning { get; init; }

    /// <summary>
    /// Gets a value that overrides whether the path has its dot segments removed and repeated slashes collapsed, and is
    /// URI-encoded once more (the rule of every service but S3).
    /// </summary>
    /// <value>The default value is <see langword="null"/>: <see langword="false"/> for the S3 family
    /// (<c>s3</c>, <c>s3-object-lambda</c>, <c>s3express</c>, <c>s3-outposts</c>), otherwise <see langword="true"/>.</value>
    public bool? NormalizePath { get; init; }

    /// <summary>Gets a value that overrides whether an <c>x-amz-content-sha256</c> header is added in header signing.</summary>
    /// <value>The default value is <see langword="null"/>: added for the S3 family and <c>aoss</c>, and whenever the
    /// payload is unsigned.</value>
    public bool? AddContentSha256Header { get; init; }

    /// <summary>Gets a value indicating whether the session token is covered by the signature.</summary>
    /// <value>The default value is <see langword="true"/>. A few services (IoT presigned URLs) want it appended after signing.</value>
    public bool SignSessionToken { get; init; } = true;

    /// <summary>Gets the largest body, in bytes, that is buffered in memory to be hashed when it is neither buffered
    /// nor seekable already.</summary>
    /// <value>The default value is 10,485,760 (10 MiB).</value>
    public long MaxBufferedPayloadBytes { get; init; } = SigV4Defaults.MaxBufferedPayloadBytes;

    internal bool IsSigV4a => Algorithm == SignatureAlgorithm.SigV4a;

    internal string EffectiveRegionSet => RegionSet ?? Region;
}
