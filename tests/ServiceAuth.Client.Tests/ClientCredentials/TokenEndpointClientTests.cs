using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using ServiceAuth.Client.ClientCredentials;
using ServiceAuth.Client.ClientCredentials.Internal;
using ServiceAuth.Client.Diagnostics;

namespace ServiceAuth.Client.Tests.ClientCredentials;

public sealed class TokenEndpointClientTests
{
    [Fact]
    public async Task Request_Default_SendsClientSecretBasicAndTheScopes()
    {
        var f = new TokenEntryFixture();
        f.Options.Scopes.Add("orders/write");

        await f.Entry().GetTokenAsync(CancellationToken.None);

        (string? authorization, string body, _) = f.Endpoint.Received.Single();
        authorization.ShouldBe("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("client-a:s3cr3t-value")));
        body.ShouldBe("grant_type=client_credentials&scope=orders%2Fread+orders%2Fwrite");
    }

    [Fact]
    public async Task Request_ClientSecretPostWithResource_SendsCredentialsAndResourceInTheBody()
    {
        var f = new TokenEntryFixture();
        f.Options.ClientAuthentication = ClientAuthenticationMethod.ClientSecretPost;
        f.Options.Resource = "https://api.example.com/";

        await f.Entry().GetTokenAsync(CancellationToken.None);

        (string? authorization, string body, _) = f.Endpoint.Received.Single();
        authorization.ShouldBeNull();
        body.ShouldContain("client_id=client-a");
        body.ShouldContain("client_secret=s3cr3t-value");
        body.ShouldContain("resource=https%3A%2F%2Fapi.example.com%2F");
    }

    [Fact]
    public async Task Request_SecretFromProvider_AsksTheProviderForEveryTokenRequest()
    {
        var f = new TokenEntryFixture();
        int asked = 0;
        f.Options.ClientSecret = null;
        f.Options.ClientSecretProvider = _ => ValueTask.FromResult($"rotated-{++asked}");
        TokenEntry entry = f.Entry();

        entry.Invalidate(await entry.GetTokenAsync(CancellationToken.None));
        await entry.GetTokenAsync(CancellationToken.None);

        f.Endpoint.Received.Select(r => Encoding.UTF8.GetString(Convert.FromBase64String(r.Authorization!["Basic ".Length..])))
            .ShouldBe(["client-a:rotated-1", "client-a:rotated-2"]);
    }

    [Fact]
    public async Task Request_SecretProviderFails_FailsFastNamingTheProviderButNotItsMessage()
    {
        var f = new TokenEntryFixture();
        f.Options.ClientSecret = null;
        f.Options.ClientSecretProvider = _ => throw new InvalidOperationException("vault said: s3cr3t-value is revoked");

        TokenUnavailableException e = await Should.ThrowAsync<TokenUnavailableException>(f.Entry().GetTokenAsync(CancellationToken.None).AsTask());

        e.Message.ShouldBe("ClientSecretProvider of client 'client-a' at https://pool.auth.eu-west-1.amazoncognito.com/oauth2/token failed: InvalidOperationException.");
        e.InnerException.ShouldBeOfType<InvalidOperationException>();
        f.Endpoint.Calls.ShouldBe(0);
    }

    [Theory]
    [InlineData("invalid_client", "Check ClientId and the client secret")]
    [InlineData("invalid_scope", "Check Scopes ('orders/read')")]
    [InlineData("unauthorized_client", "Allow the client credentials grant for this app client")]
    public async Task Request_CognitoRefuses_ThrowsWithTheOAuthErrorAndTheFixButNoSecret(string error, string fix)
    {
        var f = new TokenEntryFixture();
        f.Endpoint.Respond = _ => FakeTokenEndpoint.Error(error);

        TokenUnavailableException e = await Should.ThrowAsync<TokenUnavailableException>(f.Entry().GetTokenAsync(CancellationToken.None).AsTask());

        e.Error.ShouldBe(error);
        e.StatusCode.ShouldBe(400);
        e.Message.ShouldStartWith($"The token endpoint refused client 'client-a' at https://pool.auth.eu-west-1.amazoncognito.com/oauth2/token with '{error}' (HTTP 400).");
        e.Message.ShouldContain(fix);
        e.ToString().ShouldNotContain("s3cr3t-value");
    }

    [Theory]
    [InlineData("""{"access_token":"a","token_type":"Bearer"}""", "without expires_in")]
    [InlineData("""{"access_token":"a","expires_in":3600,"token_type":"DPoP"}""", "of type 'DPoP'")]
    [InlineData("""{"expires_in":3600,"token_type":"Bearer"}""", "without an access_token")]
    public async Task Request_UnusableTokenResponse_IsRefusedClearly(string json, string expected)
    {
        var f = new TokenEntryFixture();
        f.Endpoint.Respond = _ => FakeTokenEndpoint.Json(HttpStatusCode.OK, json);

        TokenUnavailableException e = await Should.ThrowAsync<TokenUnavailableException>(f.Entry().GetTokenAsync(CancellationToken.None).AsTask());

        e.Message.ShouldContain(expected);
    }

    [Fact]
    public async Task Request_EveryTokenRequest_IsCountedByClient_FailuresCarryErrorType()
    {
        string clientId = "metered-" + Guid.NewGuid().ToString("N");
        var counted = new ConcurrentQueue<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ServiceAuthTelemetry.Name && instrument.Name == "serviceauth.oauth.token_requests")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            Dictionary<string, object?> t = tags.ToArray().ToDictionary(p => p.Key, p => p.Value);
            if (Equals(t["oauth.client_id"], clientId))
            {
                counted.Enqueue($"{value} {(t.TryGetValue("error.type", out object? e) ? e : "ok")} {string.Join(',', t.Keys.Order())}");
            }
        });
        listener.Start();
        var f = new TokenEntryFixture(clientId);
        f.Endpoint.Respond = n => n == 1 ? FakeTokenEndpoint.Error("invalid_client", HttpStatusCode.BadRequest) : FakeTokenEndpoint.Token("t", 3600);
        TokenEntry entry = f.Entry();

        await Should.ThrowAsync<TokenUnavailableException>(entry.GetTokenAsync(CancellationToken.None).AsTask());
        f.Time.Advance(TokenRefreshPolicy.Policy.MaxErrorCache);
        await entry.GetTokenAsync(CancellationToken.None);
        await entry.GetTokenAsync(CancellationToken.None);

        counted.ShouldBe(["1 invalid_client error.type,oauth.client_id", "1 ok oauth.client_id"]);
    }
}
