using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ServiceAuth.Client.Testing;

namespace ServiceAuth.Client.IntegrationTests.Testing;

public sealed class CognitoUserPoolTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Token_ClientCredentials_IsAnRs256JwtWithCognitosClaimsThatValidatesAgainstTheJwks(bool inMemory)
    {
        await using CognitoFixture f = await CognitoFixture.CreateAsync(inMemory);

        using HttpResponseMessage response = await f.RequestTokenAsync(f.Writer.ClientId, f.Writer.ClientSecret, ("grant_type", "client_credentials"), ("scope", "orders/write"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        using JsonDocument json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.EnumerateObject().Select(p => p.Name).ShouldBe(["access_token", "expires_in", "token_type"]);
        json.RootElement.GetProperty("expires_in").GetInt32().ShouldBe(3600);
        json.RootElement.GetProperty("token_type").GetString().ShouldBe("Bearer");
        string token = json.RootElement.GetProperty("access_token").GetString()!;
        Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(token.Split('.')[0])).ShouldBe($"{{\"kid\":\"{f.Pool.SigningKeyId}\",\"alg\":\"RS256\"}}");

        TokenValidationResult result = await f.ValidateAsync(token);

        result.IsValid.ShouldBeTrue(result.Exception?.Message);
        var jwt = (JsonWebToken)result.SecurityToken;
        jwt.Claims.Select(c => c.Type).ShouldBe(["sub", "token_use", "scope", "auth_time", "iss", "exp", "iat", "version", "jti", "client_id"]);
        jwt.GetClaim("sub").Value.ShouldBe(f.Writer.ClientId);
        jwt.GetClaim("client_id").Value.ShouldBe(f.Writer.ClientId);
        jwt.GetClaim("token_use").Value.ShouldBe("access");
        jwt.GetClaim("scope").Value.ShouldBe("orders/write");
        jwt.GetClaim("version").Value.ShouldBe("2");
        jwt.Issuer.ShouldBe($"{f.Endpoint.BaseAddress}{f.Pool.Id}");
        jwt.ValidTo.ShouldBe(jwt.IssuedAt.AddHours(1));
        f.Pool.Id.ShouldMatch("^eu-west-1_[A-Za-z0-9]{9}$");
        f.Pool.TokenRequestCount.ShouldBe(1);
    }

    [Fact]
    public async Task Token_WithoutScope_GrantsAllTheClientsScopes_AndClientSecretPostWorks()
    {
        await using CognitoFixture f = await CognitoFixture.CreateAsync();

        using HttpResponseMessage response = await f.RequestTokenAsync(null, null,
            ("grant_type", "client_credentials"), ("client_id", f.Writer.ClientId), ("client_secret", f.Writer.ClientSecret!));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using JsonDocument json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        new JsonWebToken(json.RootElement.GetProperty("access_token").GetString()).GetClaim("scope").Value.ShouldBe("orders/read orders/write");
    }

    [Theory]
    [InlineData("wrong-secret", "client_credentials", "orders/read", "invalid_client")]
    [InlineData(null, "client_credentials", "orders/write", "invalid_scope")]
    [InlineData(null, "client_credentials", "payments/read", "invalid_scope")]
    [InlineData(null, "password", null, "unsupported_grant_type")]
    [InlineData(null, "authorization_code", null, "unauthorized_client")]
    [InlineData(null, null, null, "invalid_request")]
    public async Task Token_Refused_Answers400WithCognitosError(string? secret, string? grant, string? scope, string error)
    {
        await using CognitoFixture f = await CognitoFixture.CreateAsync();
        var form = new List<(string, string)>();
        if (grant is not null)
        {
            form.Add(("grant_type", grant));
        }

        if (scope is not null)
        {
            form.Add(("scope", scope));
        }

        using HttpResponseMessage response = await f.RequestTokenAsync(f.Reader.ClientId, secret ?? f.Reader.ClientSecret, [.. form]);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldBe($"{{\"error\":\"{error}\"}}");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-secret")]
    public async Task Token_AnswersCarryCognitosRequestIdHeader(string? secret)
    {
        await using CognitoFixture f = await CognitoFixture.CreateAsync();

        using HttpResponseMessage response = await f.RequestTokenAsync(f.Reader.ClientId, secret ?? f.Reader.ClientSecret, ("grant_type", "client_credentials"));

        response.StatusCode.ShouldBe(secret is null ? HttpStatusCode.OK : HttpStatusCode.BadRequest);
        Guid.TryParse(response.Headers.GetValues("x-amz-cognito-request-id").Single(), out _).ShouldBeTrue();
        response.Headers.Contains("x-amzn-RequestId").ShouldBeFalse();
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
    }

    [Fact]
    public async Task Token_UnknownClientOrPublicClientOrGrantNotAllowed_AnswersInvalidClientOrUnauthorizedClient()
    {
        await using CognitoFixture f = await CognitoFixture.CreateAsync();
        LocalAppClient noGrant = f.Pool.AddAppClient("web", ["orders/read"], generateSecret: true, allowClientCredentials: false);
        LocalAppClient publicClient = f.Pool.AddAppClient("spa", ["orders/read"], generateSecret: false, allowClientCredentials: false);

        using HttpResponseMessage unknown = await f.RequestTokenAsync("1example23456789", "x", [("grant_type", "client_credentials")]);
        using HttpResponseMessage notAllowed = await f.RequestTokenAsync(noGrant.ClientId, noGrant.ClientSecret, [("grant_type", "client_credentials")]);
        using HttpResponseMessage noSecret = await f.RequestTokenAsync(null, null, ("grant_type", "client_credentials"), ("client_id", publicClient.ClientId));

        (await unknown.Content.ReadAsStringAsync()).ShouldBe("{\"error\":\"invalid_client\"}");
        (await notAllowed.Content.ReadAsStringAsync()).ShouldBe("{\"error\":\"unauthorized_client\"}");
        (await noSecret.Content.ReadAsStringAsync()).ShouldBe("{\"error\":\"invalid_client\"}");
        Should.Throw<ArgumentException>(() => f.Pool.AddAppClient("bad", "orders/delete")).Message.ShouldContain("ScopeDoesNotExistException");
    }

    [Fact]
    public async Task Discovery_NamesIssuerJwksAndTokenEndpoint()
    {
        await using CognitoFixture f = await CognitoFixture.CreateAsync();

        using JsonDocument json = JsonDocument.Parse(await f.Http.GetStringAsync(f.Pool.MetadataAddress));

        json.RootElement.GetProperty("issuer").GetString().ShouldBe(f.Pool.Issuer.AbsoluteUri);
        json.RootElement.GetProperty("jwks_uri").GetString().ShouldBe(f.Pool.Issuer.AbsoluteUri + "/.well-known/jwks.json");
        json.RootElement.GetProperty("token_endpoint").GetString().ShouldBe(f.Endpoint.BaseAddress + "oauth2/token");
        json.RootElement.GetProperty("id_token_signing_alg_values_supported")[0].GetString().ShouldBe("RS256");
    }

    [Fact]
    public async Task RotateSigningKey_OldTokensValidateWhileTheOldKeyIsPublished_AndFailOnceItIsRetired()
    {
        await using CognitoFixture f = await CognitoFixture.CreateAsync();
        string old = f.Pool.CreateAccessToken(f.Reader);
        string oldKid = f.Pool.SigningKeyId;

        string newKid = f.Pool.RotateSigningKey();
        string fresh = f.Pool.CreateAccessToken(f.Reader);
        bool oldValidWhilePublished = (await f.ValidateAsync(old)).IsValid;
        f.Pool.RotateSigningKey(retirePrevious: true);
        TokenValidationResult afterRetire = await f.ValidateAsync(fresh);

        newKid.ShouldNotBe(oldKid);
        oldValidWhilePublished.ShouldBeTrue();
        afterRetire.Exception.ShouldBeOfType<SecurityTokenSignatureKeyNotFoundException>();
    }

    [Fact]
    public async Task RefusedTokens_AreRefusedByMicrosoftIdentityModelForTheSameReason()
    {
        await using CognitoFixture f = await CognitoFixture.CreateAsync();
        await using CognitoFixture other = await CognitoFixture.CreateAsync();
        await using CognitoFixture past = await CognitoFixture.CreateAsync(start: DateTimeOffset.UtcNow.AddHours(-2));
        string token = f.Pool.CreateAccessToken(f.Reader);
        string tampered = token[..^4] + (token[^4] == 'A' ? "BBBB" : "AAAA");

        TokenValidationResult wrongIssuer = await f.ValidateAsync(other.Pool.CreateAccessToken(other.Reader));
        TokenValidationResult badSignature = await f.ValidateAsync(tampered);
        TokenValidationResult expired = await past.ValidateAsync(past.Pool.CreateAccessToken(past.Reader));

        wrongIssuer.Exception.ShouldBeOfType<SecurityTokenInvalidIssuerException>("Microsoft.IdentityModel checks iss before the key; API Gateway finds no kid first");
        badSignature.Exception.ShouldBeOfType<SecurityTokenInvalidSignatureException>();
        expired.Exception.ShouldBeOfType<SecurityTokenExpiredException>();
    }
}
