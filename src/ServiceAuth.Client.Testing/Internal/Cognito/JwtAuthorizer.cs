using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ServiceAuth.Client.Testing.Internal.Protocol;

namespace ServiceAuth.Client.Testing.Internal.Cognito;

/// <summary>
/// An API Gateway HTTP API JWT authorizer: the token from <c>Authorization</c> (optionally prefixed <c>Bearer</c>), an
/// RSA signature by a key of the issuer's JWKS matched on <c>kid</c>, then <c>iss</c>, <c>aud</c> (or <c>client_id</c>
/// when there is no <c>aud</c>), <c>exp</c>, <c>nbf</c>, <c>iat</c>, and at least one of the route's scopes in
/// <c>scope</c>/<c>scp</c>. A missing token is 401 <c>{"message":"Unauthorized"}</c> with <c>www-authenticate: Bearer</c>,
/// an invalid one the same with <c>www-authenticate: Bearer scope="" error="invalid_token" error_description="…"</c>
/// naming the reason in API Gateway's words; a missing scope is 403
/// <c>{"message":"Forbidden"}</c> with <c>error="insufficient_scope"</c>.
/// </summary>
internal static class JwtAuthorizer
{
    public static (IReadOnlyDictionary<string, string>? Claims, WireResponse? Denied) Authorize(JwtApiRoute route, WireRequest request)
    {
        string? header = request.Get("Authorization")?.Trim();
        if (string.IsNullOrEmpty(header))
        {
            return (null, Unauthorized(null));
        }

        string token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : header;
        string[] parts = token.Split('.');
        if (parts.Length != 3)
        {
            return (null, Unauthorized("token contains an invalid number of segments"));
        }

        if (Parse(parts[0]) is not { } head || Parse(parts[1]) is not { } body || Base64Url.TryDecode(parts[2]) is not { } signature)
        {
            return (null, Unauthorized("the token is malformed"));
        }

        using (head)
        using (body)
        {
            return Validate(route, parts, head.RootElement, body.RootElement, signature);
        }
    }

    private static (IReadOnlyDictionary<string, string>?, WireResponse?) Validate(JwtApiRoute route, string[] parts, JsonElement head, JsonElement body, byte[] signature)
    {
        LocalUserPool pool = route.Pool;
        string? alg = Text(head, "alg");
        if (alg is not ("RS256" or "RS384" or "RS512"))
        {
            return (null, Unauthorized($"signing method {alg} is invalid"));
        }

        if (Text(head, "kid") is not { } kid || pool.Keys.Find(kid) is not { } key)
        {
            return (null, Unauthorized("the token's kid was not found in the issuer's jwks"));
        }

        HashAlgorithmName hash = alg == "RS384" ? HashAlgorithmName.SHA384 : alg == "RS512" ? HashAlgorithmName.SHA512 : HashAlgorithmName.SHA256;
        if (!key.Rsa.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), signature, hash, RSASignaturePadding.Pkcs1))
        {
            return (null, Unauthorized("the token's signature is invalid"));
        }

        if (Text(body, "iss") != CognitoTokens.Issuer(pool))
        {
            return (null, Unauthorized("the token does not have a valid issuer"));
        }

        string? audience = Text(body, "aud") ?? Text(body, "client_id");
        if (audience is null || !route.Audiences.Contains(audience, StringComparer.Ordinal))
        {
            return (null, Unauthorized("the token does not have a valid audience"));
        }

        long now = pool.Now.ToUnixTimeSeconds();
        if (Number(body, "exp") is not { } exp || exp <= now)
        {
            return (null, Unauthorized("the token has expired"));
        }

        if (Number(body, "nbf") > now || Number(body, "iat") > now)
        {
            return (null, Unauthorized("the token is not valid yet"));
        }

        string[] granted = (Text(body, "scope") ?? Text(body, "scp") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (route.Scopes.Count > 0 && !route.Scopes.Any(s => granted.Contains(s, StringComparer.Ordinal)))
        {
            return (null, Forbidden(route.Scopes));
        }

        return (Claims(body), null);
    }

    private static JsonDocument? Parse(string segment)
    {
        if (Base64Url.TryDecode(segment) is not { } bytes)
        {
            return null;
        }

        try
        {
            JsonDocument document = JsonDocument.Parse(bytes);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static long? Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out long n) ? n : null;

    private static Dictionary<string, string> Claims(JsonElement body)
    {
        var claims = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (JsonProperty p in body.EnumerateObject())
        {
            claims[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
        }

        return claims;
    }

    private static WireResponse Unauthorized(string? reason)
    {
        var response = new WireResponse(401, ApiGatewayJson.ContentType, ApiGatewayJson.Object(("message", "Unauthorized"))) { ErrorCode = "Unauthorized" };
        response.Headers.Add(new("www-authenticate", reason is null ? "Bearer" : $"Bearer scope=\"\" error=\"invalid_token\" error_description=\"{reason}\""));
        return response;
    }

    private static WireResponse Forbidden(IReadOnlyList<string> scopes)
    {
        string joined = string.Join(' ', scopes);
        var response = new WireResponse(403, ApiGatewayJson.ContentType, ApiGatewayJson.Object(("message", "Forbidden"))) { ErrorCode = "Forbidden" };
        response.Headers.Add(new("www-authenticate", string.Create(CultureInfo.InvariantCulture, $"Bearer scope=\"{joined}\" error=\"insufficient_scope\" error_description=\"expected scopes: [{joined}]\"")));
        return response;
    }
}
