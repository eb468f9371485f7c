using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Signing.Internal;

internal static class SigV4Constants
{
    public const string Algorithm = "AWS4-HMAC-SHA256";
    public const string AlgorithmV4a = "AWS4-ECDSA-P256-SHA256";
    public const string Terminator = "aws4_request";
    public const string UnsignedPayload = "UNSIGNED-PAYLOAD";
    public const string EmptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    public const string AmzDate = "X-Amz-Date";
    public const string AmzSecurityToken = "X-Amz-Security-Token";
    public const string AmzContentSha256 = "x-amz-content-sha256";
    public const string Authorization = "Authorization";
    public const string AmzRegionSet = "X-Amz-Region-Set";

    public const string QueryAlgorithm = "X-Amz-Algorithm";
    public const string QueryCredential = "X-Amz-Credential";
    public const string QueryDate = "X-Amz-Date";
    public const string QueryExpires = "X-Amz-Expires";
    public const string QuerySignedHeaders = "X-Amz-SignedHeaders";
    public const string QuerySecurityToken = "X-Amz-Security-Token";
    public const string QuerySignature = "X-Amz-Signature";

    public static ReadOnlySpan<byte> AlgorithmUtf8 => "AWS4-HMAC-SHA256"u8;

    public static ReadOnlySpan<byte> TerminatorUtf8 => "aws4_request"u8;

    public static bool IsS3Family(string service) =>
        service is "s3" or "s3-object-lambda" or "s3express" or "s3-outposts";

    public static bool RequiresContentSha256Header(string service) => IsS3Family(service) || service == "aoss";
}
