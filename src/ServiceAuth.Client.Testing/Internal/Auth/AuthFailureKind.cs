namespace ServiceAuth.Client.Testing.Internal.Auth;

/// <summary>Why a request was not authenticated. Each kind maps to an awsQuery code and an API Gateway error type.</summary>
internal enum AuthFailureKind
{
    MissingAuthenticationToken,
    IncompleteSignature,
    InvalidClientTokenId,
    SignatureDoesNotMatch,
    SignatureExpired,
    ExpiredToken,
}
