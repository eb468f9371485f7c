using Amazon.Runtime;
using ServiceAuth.Client.Signing.Internal;
using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Signing;

/// <summary>
/// Signs an <see cref="HttpRequestMessage"/> with AWS Signature Version 4 or 4a, exactly as <see cref="SocketsHttpHandler"/>
/// will put it on the wire, or presigns it into a URL. Thread-safe; derived signing keys are cached per
/// (secret key, date, region, service), bounded, and SigV4a ECDSA keys per access key (8, least recently used out).
/// </summary>
/// <remarks>
/// The rules (path normalization and encoding, query canonicalization, the headers that are and are not signed, payload
/// modes) are in docs/signing.md. Header signing replaces earlier <c>Authorization</c>, <c>X-Amz-Date</c>, <c>X-Amz-Region-Set</c> and
/// <c>X-Amz-Security-Token</c> headers, so a request can be signed again for a retry.
/// </remarks>
public sealed class SigV4Signer
{
    private readonly SigningKeys _keys;

    /// <summary>Initializes a new instance of the <see cref="SigV4Signer"/> class with a key cache of 64 entries.</summary>
    public SigV4Signer()
        : this(SigV4Defaults.SigningKeyCacheSize)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SigV4Signer"/> class.</summary>
    /// <param name="signingKeyCacheSize">How many derived signing keys to keep, at least 1.</param>
    public SigV4Signer(int signingKeyCacheSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(signingKeyCacheSize, 1);
        _keys = new SigningKeys(new SigningKeyCache(signingKeyCacheSize), new SigV4aKeyCache());
    }

    /// <summary>Gets a process-wide signer.</summary>
    public static SigV4Signer Shared { get; } = new();

    internal SigningKeyCache KeyCache => _keys.SigV4;

    internal SigV4aKeyCache SigV4aKeyCache => _keys.SigV4a;

    /// <summary>Signs <paramref name="request"/> in place: adds <c>X-Amz-Date</c>, the session token, and <c>Authorization</c>.</summary>
    /// <param name="request">The request to sign. Its URI must be absolute.</param>
    /// <param name="credentials">The credentials to sign with.</param>
    /// <param name="parameters">The region, service, signing time and payload mode.</param>
    /// <param name="cancellationToken">Cancels reading a body that must be hashed.</param>
    /// <returns>A task that completes when the request is signed.</returns>
    /// <exception cref="SigningException">The request cannot be signed (see the message).</exception>
    public async ValueTask SignAsync(HttpRequestMessage request, ImmutableCredentials credentials, SigV4SigningParameters parameters, CancellationToken cancellationToken = default)
    {
        Validate(request, credentials, parameters);
        if (PayloadHasher.GetProvisional(request, parameters) is { } provisional &&
            SigV4Core.SignHeaders(request, credentials, parameters, provisional, provisional: true, _keys, null))
        {
            return;
        }

        string payloadHash = await PayloadHasher.GetAsync(request, parameters, cancellationToken).ConfigureAwait(false);
        SigV4Core.SignHeaders(request, credentials, parameters, payloadHash, provisional: false, _keys, null);
    }

    /// <summary>Signs <paramref name="request"/> in place, synchronously.</summary>
    /// <param name="request">The request to sign. Its URI must be absolute.</param>
    /// <param name="credentials">The credentials to sign with.</param>
    /// <param name="parameters">The region, service, signing time and payload mode.</param>
    /// <exception cref="SigningException">The request cannot be signed (see the message).</exception>
    public void Sign(HttpRequestMessage request, ImmutableCredentials credentials, SigV4SigningParameters parameters) =>
        Sign(request, credentials, parameters, null);

    /// <summary>Presigns <paramref name="request"/> into a URL that carries the signature in its query.</summary>
    /// <param name="request">The request to presign; it is not changed. Headers other than <c>host</c> that it carries
    /// are signed too and must be sent with the URL.</param>
    /// <param name="credentials">The credentials to sign with.</param>
    /// <param name="parameters">The region, service, signing time and payload mode. For the S3 family the payload is
    /// <c>UNSIGNED-PAYLOAD</c> unless the request carries <c>x-amz-content-sha256</c>.</param>
    /// <param name="expiresIn">How long the URL is valid: from 1 second to 7 days.</param>
    /// <returns>The presigned URL.</returns>
    public Uri Presign(HttpRequestMessage request, ImmutableCredentials credentials, SigV4SigningParameters parameters, TimeSpan expiresIn) =>
        Presign(request, credentials, parameters, expiresIn, null);

    internal void Sign(HttpRequestMessage request, ImmutableCredentials credentials, SigV4SigningParameters parameters, SigningTrace? trace)
    {
        Validate(request, credentials, parameters);
        if (PayloadHasher.GetProvisional(request, parameters) is { } provisional &&
            SigV4Core.SignHeaders(request, credentials, parameters, provisional, provisional: true, _keys, trace))
        {
            return;
        }

        string payloadHash = PayloadHasher.Get(request, parameters, CancellationToken.None);
        SigV4Core.SignHeaders(request, credentials, parameters, payloadHash, provisional: false, _keys, trace);
    }

    internal Uri Presign(HttpRequestMessage request, ImmutableCredentials credentials, SigV4SigningParameters parameters, TimeSpan expiresIn, SigningTrace? trace)
    {
        Validate(request, credentials, parameters);
        if (expiresIn < TimeSpan.FromSeconds(1) || expiresIn > SigV4Defaults.MaxPresignExpiry)
        {
            throw new ArgumentOutOfRangeException(nameof(expiresIn), expiresIn, "A presigned URL expires after 1 second to 7 days.");
        }

        if (SigV4Constants.IsS3Family(parameters.Service) && parameters.PayloadSigning == PayloadSigningMode.Sha256)
        {
            parameters = Unsigned(parameters);
        }

        string payloadHash = PayloadHasher.Get(request, parameters, CancellationToken.None);
        return SigV4Core.Presign(request, credentials, parameters, payloadHash, expiresIn, _keys, trace);
    }

    private static SigV4SigningParameters Unsigned(SigV4SigningParameters p) => new()
    {
        Region = p.Region,
        Algorithm = p.Algorithm,
        RegionSet = p.RegionSet,
        Service = p.Service,
        SigningTime = p.SigningTime,
        PayloadSigning = PayloadSigningMode.UnsignedPayload,
        NormalizePath = p.NormalizePath,
        AddContentSha256Header = p.AddContentSha256Header,
        SignSessionToken = p.SignSessionToken,
        MaxBufferedPayloadBytes = p.MaxBufferedPayloadBytes,
    };

    private static void Validate(HttpRequestMessage request, ImmutableCredentials credentials, SigV4SigningParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(parameters);
        if (string.IsNullOrEmpty(credentials.AccessKey) || string.IsNullOrEmpty(credentials.SecretKey))
        {
            throw new SigningException("The credentials have no access key id or no secret access key.");
        }

        if (string.IsNullOrEmpty(parameters.Region) || string.IsNullOrEmpty(parameters.Service))
        {
            throw new SigningException("SigV4SigningParameters.Region and .Service must be set.");
        }

        if (parameters.IsSigV4a && !RegionSetSyntax.IsValid(parameters.EffectiveRegionSet))
        {
            throw new SigningException($"The SigV4a region set '{parameters.EffectiveRegionSet}' is not a comma-separated list of regions or patterns such as \"us-east-1,eu-west-1\" or \"*\".");
        }
        else if (!parameters.IsSigV4a && parameters.Algorithm != SignatureAlgorithm.SigV4)
        {
            throw new SigningException($"SigV4SigningParameters.Algorithm {(int)parameters.Algorithm} is not a SignatureAlgorithm.");
        }
    }
}
