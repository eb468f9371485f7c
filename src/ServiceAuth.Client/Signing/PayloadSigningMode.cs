namespace ServiceAuth.Client.Signing;

/// <summary>
/// How the request body takes part in a SigV4 signature.
/// </summary>
public enum PayloadSigningMode
{
    /// <summary>
    /// The SHA-256 of the body is signed. Buffered or seekable content is hashed in place; any other content is
    /// buffered in memory up to a limit first. This is the default.
    /// </summary>
    Sha256 = 0,

    /// <summary>
    /// The literal <c>UNSIGNED-PAYLOAD</c> is signed and sent as <c>x-amz-content-sha256</c>; the body is never read.
    /// Only for services that accept it (S3, API Gateway with a custom setting, Lambda function URLs) and over HTTPS.
    /// </summary>
    UnsignedPayload = 1,
}
