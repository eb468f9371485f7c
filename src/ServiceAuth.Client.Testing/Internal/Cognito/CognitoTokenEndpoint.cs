using System.Text;
using ServiceAuth.Client.Testing.Internal.Protocol;

namespace ServiceAuth.Client.Testing.Internal.Cognito;

/// <summary>
/// <c>POST /oauth2/token</c> of a Cognito domain, client-credentials grant. Errors are Cognito's: HTTP 400 with
/// <c>{"error":"..."}</c> — <c>invalid_request</c> (no grant type, wrong content type), <c>invalid_client</c> (unknown
/// client, wrong or missing secret), <c>unsupported_grant_type</c>, <c>unauthorized_client</c> (grant not allowed for
/// the client) and <c>invalid_scope</c> (a scope the client is not allowed).
/// </summary>
internal static class CognitoTokenEndpoint
{
    private const string JsonType = "application/json;charset=UTF-8";

    public static WireResponse Handle(EndpointState state, WireRequest request)
    {
        if (request.Method != "POST")
        {
            return new WireResponse(405, JsonType, []) { RequestIdStyle = RequestIdStyle.Cognito };
        }

        Dictionary<string, string>? form = FormBody.IsForm(request) ? FormBody.Parse(request.Body) : null;
        (string? clientId, string? secret) = Credentials(request, form);
        LocalAppClient? client = clientId is null ? null : state.FindAppClient(clientId);
        client?.Pool.CountTokenRequest();
        if (form is null || !form.TryGetValue("grant_type", out string? grant))
        {
            return Error("invalid_request");
        }

        if (client?.ClientSecret is null || secret is null
            || !System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(client.ClientSecret)))
        {
            return Error("invalid_client");
        }

        if (grant is not ("client_credentials" or "authorization_code" or "refresh_token"))
        {
            return Error("unsupported_grant_type");
        }

        if (grant != "client_credentials" || !client.AllowClientCredentials)
        {
            return Error("unauthorized_client");
        }

        string[] scopes = form.TryGetValue("scope", out string? requested)
            ? requested.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            : [.. client.AllowedScopes];
        if (scopes.Length == 0 || scopes.Any(s => !client.AllowedScopes.Contains(s, StringComparer.Ordinal)))
        {
            return Error("invalid_scope");
        }

        string token = CognitoTokens.Access(client.Pool, client.ClientId, scopes.Distinct(StringComparer.Ordinal));
        byte[] body = Json(w =>
        {
            w.WriteString("access_token", token);
            w.WriteNumber("expires_in", (long)client.Pool.AccessTokenValidity.TotalSeconds);
            w.WriteString("token_type", "Bearer");
        });
        return WithNoStore(new WireResponse(200, JsonType, body));
    }

    private static (string? ClientId, string? Secret) Credentials(WireRequest request, Dictionary<string, string>? form)
    {
        string? authorization = request.Get("Authorization");
        if (authorization is not null && authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            byte[]? decoded = Decode(authorization[6..].Trim());
            string text = decoded is null ? string.Empty : Encoding.UTF8.GetString(decoded);
            int colon = text.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? (null, null) : (Uri.UnescapeDataString(text[..colon].Replace('+', ' ')), Uri.UnescapeDataString(text[(colon + 1)..].Replace('+', ' ')));
        }

        return (form?.GetValueOrDefault("client_id"), form?.GetValueOrDefault("client_secret"));
    }

    private static byte[]? Decode(string base64)
    {
        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static WireResponse Error(string error)
    {
        var response = new WireResponse(400, JsonType, Json(w => w.WriteString("error", error))) { ErrorCode = error };
        return WithNoStore(response);
    }

    private static WireResponse WithNoStore(WireResponse response)
    {
        response.RequestIdStyle = RequestIdStyle.Cognito;
        response.Headers.Add(new("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate"));
        response.Headers.Add(new("Pragma", "no-cache"));
        return response;
    }

    private static byte[] Json(Action<System.Text.Json.Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }
}
