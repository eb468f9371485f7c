using System.Text;
using ServiceAuth.Client.Testing.Internal.Auth;

namespace ServiceAuth.Client.Testing.Internal.Protocol;

/// <summary>Renders an <see cref="AuthFailure"/> as the awsQuery services or as API Gateway answer it.</summary>
internal static class AuthErrors
{
    public static WireResponse AwsQuery(AuthFailure failure, string xmlNamespace, string requestId) => failure.Kind switch
    {
        AuthFailureKind.MissingAuthenticationToken => AwsQueryXml.Error(403, xmlNamespace, "MissingAuthenticationToken", "Request is missing Authentication Token", requestId),
        AuthFailureKind.IncompleteSignature => AwsQueryXml.Error(400, xmlNamespace, "IncompleteSignature", failure.Message, requestId),
        AuthFailureKind.InvalidClientTokenId => AwsQueryXml.Error(403, xmlNamespace, "InvalidClientTokenId", failure.Message, requestId),
        AuthFailureKind.SignatureExpired => AwsQueryXml.Error(403, xmlNamespace, "RequestTimeTooSkewed", failure.Message, requestId),
        AuthFailureKind.ExpiredToken => AwsQueryXml.Error(403, xmlNamespace, "ExpiredToken", failure.Message, requestId),
        _ => AwsQueryXml.Error(403, xmlNamespace, "SignatureDoesNotMatch", MismatchMessage(failure), requestId),
    };

    public static WireResponse ApiGateway(AuthFailure failure) => failure.Kind switch
    {
        AuthFailureKind.MissingAuthenticationToken => ApiGatewayJson.Error(403, "MissingAuthenticationTokenException", "Missing Authentication Token"),
        AuthFailureKind.IncompleteSignature => ApiGatewayJson.Error(403, "IncompleteSignatureException", failure.Message),
        AuthFailureKind.InvalidClientTokenId => ApiGatewayJson.Error(403, "UnrecognizedClientException", failure.Message),
        AuthFailureKind.ExpiredToken => ApiGatewayJson.Error(403, "ExpiredTokenException", failure.Message),
        AuthFailureKind.SignatureExpired => ApiGatewayJson.Error(403, "InvalidSignatureException", failure.Message),
        _ => ApiGatewayJson.Error(403, "InvalidSignatureException", MismatchMessage(failure)),
    };

    private static string MismatchMessage(AuthFailure failure)
    {
        if (failure.CanonicalRequest is null)
        {
            return failure.Message;
        }

        return new StringBuilder(failure.Message)
            .Append("\n\nThe Canonical String for this request should have been\n'").Append(failure.CanonicalRequest)
            .Append("'\n\nThe String-to-Sign should have been\n'").Append(failure.StringToSign).Append("'\n")
            .ToString();
    }
}
