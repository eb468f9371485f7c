using ServiceAuth.Client.Testing.Internal.Auth;

namespace ServiceAuth.Client.Testing.Internal.Protocol;

/// <summary>awsJson 1.1 answers (EventBridge and the other JSON-protocol services): errors are HTTP 400 (or 5xx) with
/// <c>{"__type":"…","message":"…"}</c> and the code in <c>x-amzn-ErrorType</c> too, as the AWS SDKs parse them (the JS
/// SDK reads the header first, botocore the body).</summary>
internal static class AwsJson
{
    public const string ContentType = "application/x-amz-json-1.1";

    public static WireResponse Success(string json) => WireResponse.Text(200, ContentType, json);

    public static WireResponse Error(int statusCode, string type, string message)
    {
        var response = new WireResponse(statusCode, ContentType, ApiGatewayJson.Object(("__type", type), ("message", message)));
        response.Headers.Add(new("x-amzn-ErrorType", type));
        response.ErrorCode = type;
        return response;
    }

    /// <summary>Signature failures in the JSON services' shapes (all HTTP 400, as EventBridge answers them).</summary>
    public static WireResponse AuthError(AuthFailure failure) => failure.Kind switch
    {
        AuthFailureKind.MissingAuthenticationToken => Error(400, "MissingAuthenticationTokenException", "Missing Authentication Token"),
        AuthFailureKind.IncompleteSignature => Error(400, "IncompleteSignatureException", failure.Message),
        AuthFailureKind.InvalidClientTokenId => Error(400, "UnrecognizedClientException", "The security token included in the request is invalid."),
        AuthFailureKind.ExpiredToken => Error(400, "ExpiredTokenException", "The security token included in the request is expired"),
        AuthFailureKind.SignatureExpired => Error(400, "InvalidSignatureException", failure.Message),
        _ when failure.IsScopeFailure => Error(400, "InvalidSignatureException", failure.Message),
        _ => Error(400, "InvalidSignatureException", "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details."),
    };
}
