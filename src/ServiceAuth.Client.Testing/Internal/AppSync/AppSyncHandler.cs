using System.Text.Json;
using ServiceAuth.Client.Testing.Internal.Auth;
using ServiceAuth.Client.Testing.Internal.Identity;

namespace ServiceAuth.Client.Testing.Internal.AppSync;

/// <summary>
/// AppSync with IAM authorization: <c>POST /graphql</c> with a <c>{"query","operationName","variables"}</c> body, answered
/// with the resolver's GraphQL JSON (HTTP 200, also for GraphQL errors); request-level failures are AppSync's
/// <c>{"errors":[{"errorType","message"}]}</c> with 400/401/403 and the type in <c>x-amzn-ErrorType</c>.
/// <c>POST /graphql/connect</c> (body <c>{}</c>) checks the signed headers of the real-time handshake and answers <c>{}</c>.
/// </summary>
internal static class AppSyncHandler
{
    public const string ContentType = "application/json; charset=UTF-8";

    public static bool Handles(EndpointState state, WireRequest request) =>
        state.AppSync is not null && request.RawPath is "/graphql" or "/graphql/connect";

    public static WireResponse AuthError(AuthFailure failure) => failure.Kind switch
    {
        AuthFailureKind.MissingAuthenticationToken => Error(401, "UnauthorizedException", "Valid authorization header not provided."),
        AuthFailureKind.InvalidClientTokenId => Error(403, "UnrecognizedClientException", "The security token included in the request is invalid."),
        AuthFailureKind.ExpiredToken => Error(403, "ExpiredTokenException", "The security token included in the request is expired"),
        AuthFailureKind.IncompleteSignature => Error(403, "IncompleteSignatureException", failure.Message),
        _ when failure.IsScopeFailure => Error(403, "InvalidSignatureException", failure.Message),
        _ => Error(403, "InvalidSignatureException", "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details."),
    };

    public static WireResponse Handle(EndpointState state, WireRequest request, KeyRecord caller)
    {
        AppSyncApi api = state.AppSync!;
        if (request.Method != "POST")
        {
            return Error(400, "BadRequestException", "Only POST requests are supported.");
        }

        if (!PrincipalMatcher.IsAllowed(api.AllowedPrincipals, caller))
        {
            return Error(401, "UnauthorizedException", "You are not authorized to make this call.");
        }

        if (request.RawPath == "/graphql/connect")
        {
            return WireResponse.Text(200, ContentType, "{}");
        }

        AppSyncOperation? operation = Read(request.Body, caller);
        return operation is null
            ? Error(400, "MalformedHttpRequestException", "Invalid JSON payload in POST request.")
            : WireResponse.Text(200, ContentType, api.Resolve(operation));
    }

    private static AppSyncOperation? Read(byte[] body, KeyRecord caller)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(body);
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("query", out JsonElement query) || query.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            return new AppSyncOperation
            {
                Query = query.GetString()!,
                OperationName = root.TryGetProperty("operationName", out JsonElement name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null,
                Variables = root.TryGetProperty("variables", out JsonElement variables) && variables.ValueKind == JsonValueKind.Object ? variables.GetRawText() : null,
                CallerArn = caller.CallerArn,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static WireResponse Error(int status, string type, string message)
    {
        var response = new WireResponse(status, ContentType, AppSyncErrorBody.Errors(type, message));
        response.Headers.Add(new("x-amzn-ErrorType", type));
        response.ErrorCode = type;
        return response;
    }
}
