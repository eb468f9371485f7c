namespace ServiceAuth.Client.Signing;

/// <summary>
/// The signature algorithm of a request.
/// </summary>
public enum SignatureAlgorithm
{
    /// <summary>
    /// Signature Version 4 (<c>AWS4-HMAC-SHA256</c>): an HMAC with a key derived for one region. This is the default.
    /// </summary>
    SigV4 = 0,

    /// <summary>
    /// Signature Version 4a (<c>AWS4-ECDSA-P256-SHA256</c>): an ECDSA P-256 signature valid in a set of regions
    /// (<c>X-Amz-Region-Set</c>), with a key derived from the secret access key. Needed by S3 Multi-Region Access Points,
    /// EventBridge global endpoints and CloudFront KeyValueStore.
    /// </summary>
    SigV4a = 1,
}
