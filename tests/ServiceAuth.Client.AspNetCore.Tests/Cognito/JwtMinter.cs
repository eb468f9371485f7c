using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace ServiceAuth.Client.AspNetCore.Tests.Cognito;

/// <summary>
/// The tests' own JWT minter for a pretend Cognito pool: an RSA key with a <c>kid</c>, its discovery document and JWKS
/// served by <see cref="CreateHandler"/>, and tokens whose header and claims are written as raw JSON, so that a test can
/// put anything in them (an <c>exp</c> as a string, an <c>aud</c> of another API, <c>alg</c> <c>none</c>, HS256).
/// </summary>
internal sealed class JwtMinter : IDisposable
{
    public const string Issuer = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Minted1";
    private readonly List<(string Kid, RSA Rsa)> _keys = [];
    private int _jwksFetches;

    public JwtMinter() => Rotate();

    public string KeyId => _keys[^1].Kid;

    /// <summary>Gets or sets the <c>issuer</c> the discovery document states (the pool's own by default).</summary>
    public string DiscoveryIssuer { get; set; } = Issuer;

    public int JwksFetches => Volatile.Read(ref _jwksFetches);

    /// <summary>A new signing key; the JWKS serves only the new one (the old one retired).</summary>
    public void Rotate()
    {
        _keys.Add(($"kid-{_keys.Count + 1}", RSA.Create(2048)));
    }

    /// <summary>The claims of a Cognito client-credentials access token, as raw JSON values by name, in Cognito's order.</summary>
    public static Dictionary<string, string> AccessClaims(string clientId, string scope, DateTimeOffset now) => new()
    {
        ["sub"] = Quote(clientId),
        ["token_use"] = "\"access\"",
        ["scope"] = Quote(scope),
        ["auth_time"] = Seconds(now),
        ["iss"] = Quote(Issuer),
        ["exp"] = Seconds(now.AddHours(1)),
        ["iat"] = Seconds(now),
        ["version"] = "2",
        ["jti"] = Quote(Guid.NewGuid().ToString()),
        ["client_id"] = Quote(clientId),
    };

    public static string Quote(string value) => "\"" + value + "\"";

    public static string Seconds(DateTimeOffset time) => time.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An RS256 token signed by the current key.</summary>
    public string Mint(Dictionary<string, string> claims) => Mint($"{{\"kid\":\"{KeyId}\",\"alg\":\"RS256\"}}", claims);

    /// <summary>A token with <paramref name="header"/> as written, signed RS256 by the current key.</summary>
    public string Mint(string header, Dictionary<string, string> claims)
    {
        string input = Segment(header) + "." + Segment(Json(claims));
        byte[] signature = _keys[^1].Rsa.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return input + "." + Base64UrlEncoder.Encode(signature);
    }

    /// <summary>An unsigned token: <c>{"alg":"none"}</c> and an empty signature.</summary>
    public string MintUnsigned(Dictionary<string, string> claims) =>
        Segment($"{{\"kid\":\"{KeyId}\",\"alg\":\"none\"}}") + "." + Segment(Json(claims)) + ".";

    /// <summary>An HS256 token whose HMAC key is the public key (its PEM text), the classic algorithm confusion.</summary>
    public string MintHmacWithPublicKey(Dictionary<string, string> claims)
    {
        string input = Segment($"{{\"kid\":\"{KeyId}\",\"alg\":\"HS256\"}}") + "." + Segment(Json(claims));
        byte[] secret = Encoding.ASCII.GetBytes(_keys[^1].Rsa.ExportSubjectPublicKeyInfoPem());
        return input + "." + Base64UrlEncoder.Encode(HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(input)));
    }

    /// <summary>Serves <c>&lt;issuer&gt;/.well-known/openid-configuration</c> and the JWKS of the current key.</summary>
    public HttpMessageHandler CreateHandler() => new Served(this);

    public void Dispose()
    {
        foreach ((_, RSA rsa) in _keys)
        {
            rsa.Dispose();
        }
    }

    private static string Segment(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));

    private static string Json(Dictionary<string, string> claims) => "{" + string.Join(',', claims.Select(c => Quote(c.Key) + ":" + c.Value)) + "}";

    private string Jwks()
    {
        (string kid, RSA rsa) = _keys[^1];
        RSAParameters p = rsa.ExportParameters(false);
        return $"{{\"keys\":[{{\"alg\":\"RS256\",\"e\":\"{Base64UrlEncoder.Encode(p.Exponent)}\",\"kid\":\"{kid}\",\"kty\":\"RSA\",\"n\":\"{Base64UrlEncoder.Encode(p.Modulus)}\",\"use\":\"sig\"}}]}}";
    }

    private sealed class Served(JwtMinter minter) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            string path = request.RequestUri!.AbsoluteUri;
            string? body = path == Issuer + "/.well-known/openid-configuration"
                ? $"{{\"issuer\":\"{minter.DiscoveryIssuer}\",\"jwks_uri\":\"{Issuer}/.well-known/jwks.json\"}}"
                : path == Issuer + "/.well-known/jwks.json" ? Fetched(minter) : null;
            return Task.FromResult(body is null
                ? new HttpResponseMessage(HttpStatusCode.NotFound)
                : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }

        private static string Fetched(JwtMinter minter)
        {
            Interlocked.Increment(ref minter._jwksFetches);
            return minter.Jwks();
        }
    }
}
