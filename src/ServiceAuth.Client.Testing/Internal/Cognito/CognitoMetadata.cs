using System.Text.Encodings.Web;
using System.Text.Json;

namespace ServiceAuth.Client.Testing.Internal.Cognito;

/// <summary>The pool's <c>/.well-known/openid-configuration</c> and <c>/.well-known/jwks.json</c>, shaped as Cognito's.</summary>
internal static class CognitoMetadata
{
    public static WireResponse Jwks(LocalUserPool pool) => Json(w =>
    {
        w.WriteStartArray("keys");
        foreach (SigningKey key in pool.Keys.Published)
        {
            w.WriteStartObject();
            w.WriteString("alg", "RS256");
            w.WriteString("e", key.Exponent);
            w.WriteString("kid", key.KeyId);
            w.WriteString("kty", "RSA");
            w.WriteString("n", key.Modulus);
            w.WriteString("use", "sig");
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    public static WireResponse Discovery(LocalUserPool pool) => Json(w =>
    {
        string domain = pool.TokenEndpoint.GetLeftPart(UriPartial.Authority);
        w.WriteString("authorization_endpoint", domain + "/oauth2/authorize");
        w.WriteString("end_session_endpoint", domain + "/logout");
        Strings(w, "id_token_signing_alg_values_supported", "RS256");
        w.WriteString("issuer", CognitoTokens.Issuer(pool));
        w.WriteString("jwks_uri", pool.JwksUri.AbsoluteUri);
        Strings(w, "response_types_supported", "code", "token");
        w.WriteString("revocation_endpoint", domain + "/oauth2/revoke");
        Strings(w, "scopes_supported", "openid", "email", "phone", "profile");
        Strings(w, "subject_types_supported", "public");
        w.WriteString("token_endpoint", pool.TokenEndpoint.AbsoluteUri);
        Strings(w, "token_endpoint_auth_methods_supported", "client_secret_basic", "client_secret_post");
        w.WriteString("userinfo_endpoint", domain + "/oauth2/userInfo");
    });

    private static void Strings(Utf8JsonWriter w, string name, params string[] values)
    {
        w.WriteStartArray(name);
        foreach (string value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }

    private static WireResponse Json(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return new WireResponse(200, "application/json;charset=UTF-8", stream.ToArray());
    }
}
