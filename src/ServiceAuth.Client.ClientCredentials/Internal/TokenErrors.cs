using System.Text.Json;
using Duende.IdentityModel.Client;

namespace ServiceAuth.Client.ClientCredentials.Internal;

/// <summary>Turns a failed token response (parsed by Duende.IdentityModel) into an exception naming the fix. The
/// <c>error_description</c> is left out: it is free text from the server.</summary>
internal static class TokenErrors
{
    public static TokenUnavailableException From(TokenResponse response, ClientCredentialsTokenOptions options)
    {
        string who = ClientCredentialsTokenCache.Describe(options);
        int? status = response.HttpStatusCode == 0 ? null : (int)response.HttpStatusCode;
        if (response.ErrorType == ResponseErrorType.Exception)
        {
            return new TokenUnavailableException(
                $"The token endpoint could not be reached for {who}: {response.Exception?.GetType().Name}.", null, null, response.Exception);
        }

        // RFC 6749 §5.2: an OAuth error may come with 400 or, for invalid_client, with 401 (and WWW-Authenticate).
        string? code = response.ErrorType == ResponseErrorType.Protocol ? response.Error : status is 400 or 401 ? OAuthError(response) : null;
        string fix = code switch
        {
            "invalid_client" => "Check ClientId and the client secret, and that the app client has a secret (client credentials need a confidential client).",
            "invalid_scope" => $"Check Scopes ('{string.Join(' ', options.Scopes)}'): each must be a custom scope '<resource server identifier>/<scope>' the app client is allowed.",
            "unauthorized_client" => "Allow the client credentials grant for this app client (Cognito: App client > Hosted UI > OAuth grant types), with at least one custom scope.",
            "unsupported_grant_type" => "The token endpoint does not accept client_credentials; check TokenEndpoint.",
            "invalid_request" => "The token endpoint rejected the request's form; check ClientAuthentication and Resource.",
            null => status >= 500 || status == 429 ? "The identity provider is unavailable or throttling; the request is tried again later." : "Check TokenEndpoint: the answer is not an OAuth 2.0 token response.",
            _ => "See the identity provider's documentation of this error.",
        };
        string what = code is null ? $"HTTP {status}" : $"'{code}' (HTTP {status})";
        return new TokenUnavailableException($"The token endpoint refused {who} with {what}. {fix}", code, status, null);
    }

    /// <summary>The <c>error</c> member of a JSON error body, when it is an RFC 6749 error code (printable ASCII, no quote
    /// or backslash; at most 64 characters): the server's text never reaches a message otherwise.</summary>
    private static string? OAuthError(TokenResponse response)
    {
        try
        {
            using JsonDocument body = JsonDocument.Parse(response.Raw ?? string.Empty);
            return body.RootElement.ValueKind == JsonValueKind.Object
                && body.RootElement.TryGetProperty("error", out JsonElement error)
                && error.ValueKind == JsonValueKind.String
                && error.GetString() is { Length: > 0 and <= 64 } code
                && code.All(c => c is >= ' ' and <= '~' and not '"' and not '\\')
                ? code
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
