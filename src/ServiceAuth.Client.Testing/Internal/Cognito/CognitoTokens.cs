using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ServiceAuth.Client.Testing.Internal.Cognito;

/// <summary>
/// Writes RS256 JWTs as Cognito does: the header is <c>{"kid","alg"}</c> only, and the claims come in Cognito's order.
/// An access token of the client-credentials grant carries <c>sub</c> (the client id), <c>token_use</c> (<c>access</c>),
/// <c>scope</c>, <c>auth_time</c>, <c>iss</c>, <c>exp</c>, <c>iat</c>, <c>version</c> (2), <c>jti</c> and
/// <c>client_id</c>, and no <c>aud</c>.
/// </summary>
internal static class CognitoTokens
{
    public static string Access(LocalUserPool pool, string clientId, IEnumerable<string> scopes)
    {
        long now = pool.Now.ToUnixTimeSeconds();
        long exp = now + (long)pool.AccessTokenValidity.TotalSeconds;
        return Sign(pool, w =>
        {
            w.WriteString("sub", clientId);
            w.WriteString("token_use", "access");
            w.WriteString("scope", string.Join(' ', scopes));
            w.WriteNumber("auth_time", now);
            w.WriteString("iss", Issuer(pool));
            w.WriteNumber("exp", exp);
            w.WriteNumber("iat", now);
            w.WriteNumber("version", 2);
            w.WriteString("jti", Guid.NewGuid().ToString());
            w.WriteString("client_id", clientId);
        });
    }

    public static string Id(LocalUserPool pool, string clientId, string username)
    {
        long now = pool.Now.ToUnixTimeSeconds();
        return Sign(pool, w =>
        {
            w.WriteString("sub", DeterministicGuid(pool.Id + "/" + username));
            w.WriteString("aud", clientId);
            w.WriteString("token_use", "id");
            w.WriteNumber("auth_time", now);
            w.WriteString("iss", Issuer(pool));
            w.WriteString("cognito:username", username);
            w.WriteNumber("exp", now + 3600);
            w.WriteNumber("iat", now);
            w.WriteString("jti", Guid.NewGuid().ToString());
        });
    }

    /// <summary>The issuer without a trailing slash, as Cognito writes it.</summary>
    public static string Issuer(LocalUserPool pool) => pool.Issuer.AbsoluteUri.TrimEnd('/');

    private static string Sign(LocalUserPool pool, Action<Utf8JsonWriter> claims)
    {
        SigningKey key = pool.Keys.Current;
        string header = Base64Url.Encode(Json(w =>
        {
            w.WriteString("kid", key.KeyId);
            w.WriteString("alg", "RS256");
        }));
        string payload = Base64Url.Encode(Json(claims));
        string input = header + "." + payload;
        byte[] signature = key.Rsa.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return input + "." + Base64Url.Encode(signature);
    }

    private static byte[] Json(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static string DeterministicGuid(string seed) =>
        new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(seed)).AsSpan(0, 16)).ToString("D", CultureInfo.InvariantCulture);
}
