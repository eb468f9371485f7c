using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using ServiceAuth.Client.ClientCredentials;
using ServiceAuth.Client.ClientCredentials.Internal;

namespace ServiceAuth.Client.Tests.ClientCredentials;

/// <summary>Issue 19 items 14–16: the client-credentials token path under attack and misconfiguration.</summary>
public sealed class TokenPathHardeningTests
{
    [Fact]
    public async Task SameClientDifferentSecrets_WrongSecretFirst_TheRightOneStillGetsItsOwnToken()
    {
        var f = new TokenEntryFixture();
        f.Endpoint.Respond = n => f.Endpoint.Received.Last().Authorization!.EndsWith(Basic("client-a:s3cr3t-value"), StringComparison.Ordinal)
            ? FakeTokenEndpoint.Token($"token-{n}", 3600)
            : FakeTokenEndpoint.Error("invalid_client", HttpStatusCode.Unauthorized);
        ClientCredentialsTokenOptions wrong = Copy(f.Options, "wrong-secret");
        TokenEntry wrongEntry = f.Cache.GetEntry(wrong);
        TokenEntry rightEntry = f.Cache.GetEntry(f.Options);

        await Should.ThrowAsync<TokenUnavailableException>(wrongEntry.GetTokenAsync(CancellationToken.None).AsTask());
        AccessToken token = await rightEntry.GetTokenAsync(CancellationToken.None);

        rightEntry.ShouldNotBeSameAs(wrongEntry);
        token.Value.ShouldBe("token-2");
        f.Cache.GetEntry(Copy(f.Options, "s3cr3t-value")).ShouldBeSameAs(rightEntry, "the same secret shares its entry");
    }

    [Fact]
    public void TokenCacheKey_HoldsNoSecretInClear_AndDiffersPerSecretAndPerSecretProvider()
    {
        var f = new TokenEntryFixture();
        ClientCredentialsTokenOptions other = Copy(f.Options, "another-secret");
        ClientCredentialsTokenOptions provided = Copy(f.Options, null);
        provided.ClientSecretProvider = _ => ValueTask.FromResult("s3cr3t-value");
        ClientCredentialsTokenOptions providedToo = Copy(f.Options, null);
        providedToo.ClientSecretProvider = _ => ValueTask.FromResult("s3cr3t-value");

        TokenCacheKey key = TokenCacheKey.From(f.Options);

        key.ToString().ShouldNotContain("s3cr3t-value");
        key.ShouldNotBe(TokenCacheKey.From(other));
        TokenCacheKey.From(provided).ShouldNotBe(TokenCacheKey.From(providedToo));
        TokenCacheKey.From(provided).ShouldBe(TokenCacheKey.From(provided));
    }

    [Fact]
    public async Task InvalidClientIn401WithBasicChallenge_IsReadAsTheOAuthError()
    {
        var f = new TokenEntryFixture();
        f.Endpoint.Respond = _ =>
        {
            HttpResponseMessage answer = FakeTokenEndpoint.Error("invalid_client", HttpStatusCode.Unauthorized);
            answer.Headers.WwwAuthenticate.ParseAdd("Basic realm=\"token\"");
            return answer;
        };

        TokenUnavailableException e = await Should.ThrowAsync<TokenUnavailableException>(f.Entry().GetTokenAsync(CancellationToken.None).AsTask());

        e.Error.ShouldBe("invalid_client");
        e.StatusCode.ShouldBe(401);
        e.Message.ShouldContain("Check ClientId and the client secret");
        e.Message.ShouldNotContain("not an OAuth 2.0 token response");
    }

    [Fact]
    public void TokenEndpointClient_DefaultPrimaryHandler_DoesNotFollowRedirects()
    {
        var services = new ServiceCollection();
        services.AddHttpClient("orders").AddClientCredentialsToken(o =>
        {
            o.TokenEndpoint = new Uri("https://pool.auth.eu-west-1.amazoncognito.com/oauth2/token");
            o.ClientId = "client-a";
            o.ClientSecret = "s3cr3t-value";
            o.ClientAuthentication = ClientAuthenticationMethod.ClientSecretPost;
        });
        using ServiceProvider provider = services.BuildServiceProvider();

        HttpMessageHandler handler = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(TokenEndpointClient.HttpClientName);
        while (handler is DelegatingHandler { InnerHandler: { } inner })
        {
            handler = inner;
        }

        bool follows = handler switch
        {
            SocketsHttpHandler sockets => sockets.AllowAutoRedirect,
            HttpClientHandler classic => classic.AllowAutoRedirect,
            _ => throw new Xunit.Sdk.XunitException($"unexpected primary handler {handler.GetType().Name}"),
        };
        follows.ShouldBeFalse("a 307/308 would re-post the client secret to the redirect's target");
    }

    private static string Basic(string pair) => Convert.ToBase64String(Encoding.UTF8.GetBytes(pair));

    private static ClientCredentialsTokenOptions Copy(ClientCredentialsTokenOptions options, string? secret)
    {
        var copy = new ClientCredentialsTokenOptions { TokenEndpoint = options.TokenEndpoint, ClientId = options.ClientId, ClientSecret = secret };
        foreach (string scope in options.Scopes)
        {
            copy.Scopes.Add(scope);
        }

        return copy;
    }
}
