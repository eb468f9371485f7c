using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ServiceAuth.Client.Testing;

namespace ServiceAuth.Client.IntegrationTests.Testing;

/// <summary>JWT-authorized routes answer like an API Gateway HTTP API JWT authorizer.</summary>
public sealed class JwtAuthorizerTests
{
    [Fact]
    public async Task Route_TokenWithOneOfTheRouteScopes_Answers200WithTheSubject()
    {
        await using CognitoFixture f = await Arrange();

        using HttpResponseMessage response = await Call(f, f.Pool.CreateAccessToken(f.Reader));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using JsonDocument json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("caller").GetString().ShouldBe(f.Reader.ClientId);
        json.RootElement.GetProperty("path").GetString().ShouldBe("/orders/42");
    }

    [Fact]
    public async Task Route_NoAuthorizationHeader_Answers401Unauthorized()
    {
        await using CognitoFixture f = await Arrange();

        using HttpResponseMessage response = await Call(f, null);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).ShouldBe("{\"message\":\"Unauthorized\"}");
        response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
    }

    [Theory]
    [InlineData("audience", "the token does not have a valid audience")]
    [InlineData("expired", "the token has expired")]
    [InlineData("signature", "the token's signature is invalid")]
    [InlineData("kid", "the token's kid was not found in the issuer's jwks")]
    [InlineData("issuer", "the token's kid was not found in the issuer's jwks")]
    [InlineData("garbage", "token contains an invalid number of segments")]
    [InlineData("bad-base64", "the token is malformed")]
    public async Task Route_InvalidToken_Answers401WithInvalidTokenChallenge(string fault, string reason)
    {
        await using CognitoFixture f = await Arrange();
        await using CognitoFixture other = await CognitoFixture.CreateAsync();
        LocalAppClient stranger = f.Pool.AddAppClient("stranger", "orders/read");
        string token = f.Pool.CreateAccessToken(fault == "audience" ? stranger : f.Reader);
        token = fault switch
        {
            "signature" => token[..^4] + (token[^4] == 'A' ? "BBBB" : "AAAA"),
            "issuer" => other.Pool.CreateAccessToken(other.Reader),
            "garbage" => "not-a-jwt",
            "bad-base64" => "a.b!.c",
            _ => token,
        };
        if (fault == "expired")
        {
            f.Time.Advance(TimeSpan.FromHours(1));
        }

        if (fault == "kid")
        {
            f.Pool.RotateSigningKey(retirePrevious: true);
        }

        using HttpResponseMessage response = await Call(f, token);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).ShouldBe("{\"message\":\"Unauthorized\"}");
        response.Headers.WwwAuthenticate.ToString().ShouldBe($"Bearer scope=\"\" error=\"invalid_token\" error_description=\"{reason}\"");
    }

    [Fact]
    public async Task Route_TokenWithoutAnyRouteScope_Answers403Forbidden()
    {
        await using CognitoFixture f = await Arrange();

        using HttpResponseMessage response = await Call(f, f.Pool.CreateAccessToken(f.Writer, "orders/write"), "DELETE");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).ShouldBe("{\"message\":\"Forbidden\"}");
        response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer scope=\"orders/admin\" error=\"insufficient_scope\" error_description=\"expected scopes: [orders/admin]\"");
    }

    [Fact]
    public async Task Route_IdTokenWithAud_IsAcceptedOnARouteWithoutScopesAndRefusedOnOneWithScopes()
    {
        await using CognitoFixture f = await Arrange();
        f.Endpoint.AddJwtApi("GET", "/me", f.Pool, [f.Reader.ClientId], []);
        string idToken = f.Pool.CreateIdToken(f.Reader, "alice");

        using HttpResponseMessage me = await Send(f, HttpMethod.Get, "me", idToken);
        using HttpResponseMessage orders = await Call(f, idToken);

        me.StatusCode.ShouldBe(HttpStatusCode.OK);
        orders.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Route_TokenWithoutBearerPrefix_IsAcceptedAsApiGatewayDoes()
    {
        await using CognitoFixture f = await Arrange();
        using var request = new HttpRequestMessage(HttpMethod.Get, "orders/42");
        request.Headers.TryAddWithoutValidation("Authorization", f.Pool.CreateAccessToken(f.Reader));

        using HttpResponseMessage response = await f.Http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("reader", HttpStatusCode.OK)]
    [InlineData("no-scope", HttpStatusCode.Forbidden)]
    public async Task Route_AnswersCarryTheHttpApiRequestIdHeader_NotTheRestApiOne(string? caller, HttpStatusCode status)
    {
        await using CognitoFixture f = await Arrange();
        f.Endpoint.AddJwtApi("GET", "/admin", f.Pool, [f.Reader.ClientId], ["orders/admin"]);
        string? token = caller is null ? null : f.Pool.CreateAccessToken(f.Reader);

        using HttpResponseMessage response = await Send(f, HttpMethod.Get, caller == "no-scope" ? "admin" : "orders/42", token);

        response.StatusCode.ShouldBe(status);
        response.Headers.GetValues("apigw-requestid").Single().ShouldMatch("^[A-Za-z0-9+/]{15}=$");
        response.Headers.Contains("x-amzn-RequestId").ShouldBeFalse();
        f.Endpoint.Requests[^1].RequestId.ShouldBe(response.Headers.GetValues("apigw-requestid").Single());
    }

    private static async Task<CognitoFixture> Arrange()
    {
        CognitoFixture f = await CognitoFixture.CreateAsync();
        string[] audiences = [f.Reader.ClientId, f.Writer.ClientId];
        f.Endpoint.AddJwtApi("GET", "/orders/{id}", f.Pool, audiences, ["orders/read", "orders/write"]);
        f.Endpoint.AddJwtApi("DELETE", "/orders/{id}", f.Pool, audiences, ["orders/admin"]);
        return f;
    }

    private static Task<HttpResponseMessage> Call(CognitoFixture f, string? token, string method = "GET") =>
        Send(f, new HttpMethod(method), "orders/42", token);

    private static async Task<HttpResponseMessage> Send(CognitoFixture f, HttpMethod method, string path, string? token)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await f.Http.SendAsync(request);
    }
}
