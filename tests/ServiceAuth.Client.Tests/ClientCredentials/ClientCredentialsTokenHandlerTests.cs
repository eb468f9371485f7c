using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using ServiceAuth.Client.ClientCredentials.Internal;
using ServiceAuth.Client.Tests.Support;
using ServiceAuth.Client.TestUtilities;

namespace ServiceAuth.Client.Tests.ClientCredentials;

public sealed class ClientCredentialsTokenHandlerTests
{
    private const string InvalidToken = "Bearer realm=\"orders\", error=\"invalid_token\", error_description=\"The access token expired\"";

    [Fact]
    public async Task SendAsync_AttachesTheCachedBearerToken()
    {
        (TokenEntryFixture f, CapturingHandler target, HttpClient client) = Create();

        await client.GetAsync(new Uri("https://orders.example.com/a"));
        await client.GetAsync(new Uri("https://orders.example.com/b"));

        target.Requests.Select(s => s.Authorization).ShouldBe(["Bearer token-1", "Bearer token-1"]);
        f.Endpoint.Calls.ShouldBe(1);
    }

    [Theory]
    [InlineData("Bearer error=\"invalid_token\"")]
    [InlineData("Bearer error=invalid_token")]
    [InlineData(InvalidToken)]
    [InlineData("Bearer scope=\"\" error=\"invalid_token\" error_description=\"the token has expired\"")]
    public async Task SendAsync_401InvalidToken_DropsTokenAndResendsOnceWithAFreshOne(string challenge)
    {
        (TokenEntryFixture f, CapturingHandler target, HttpClient client) = Create((_, n) => n == 1 ? Unauthorized(challenge) : new HttpResponseMessage(HttpStatusCode.OK));

        using HttpResponseMessage response = await client.PostAsync(new Uri("https://orders.example.com/"), new StringContent("{}"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        target.Requests.Select(s => s.Authorization).ShouldBe(["Bearer token-1", "Bearer token-2"]);
        target.Requests.Last().Body.ShouldBe("{}"u8.ToArray());
        f.Endpoint.Calls.ShouldBe(2);
    }

    [Theory]
    [InlineData("Bearer error=\"insufficient_scope\"")]
    [InlineData("Bearer realm=\"orders\"")]
    [InlineData("Basic realm=\"invalid_token\"")]
    [InlineData("Bearer error_description=\"not error=invalid_token\"")]
    public async Task SendAsync_401WithoutInvalidToken_ReturnsItAndKeepsTheToken(string challenge)
    {
        (TokenEntryFixture f, CapturingHandler target, HttpClient client) = Create((_, _) => Unauthorized(challenge));

        using HttpResponseMessage response = await client.GetAsync(new Uri("https://orders.example.com/"));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        target.Requests.Count.ShouldBe(1);
        f.Endpoint.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task SendAsync_FreshTokenRejectedToo_SecondDropIsRateLimitedAndThe401Returned()
    {
        (TokenEntryFixture f, CapturingHandler target, HttpClient client) = Create((_, _) => Unauthorized(InvalidToken));

        using HttpResponseMessage first = await client.GetAsync(new Uri("https://orders.example.com/"));
        using HttpResponseMessage second = await client.GetAsync(new Uri("https://orders.example.com/"));

        first.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        second.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        target.Requests.Count.ShouldBe(3, "one resend in all: the second drop is within 30 seconds");
        f.Endpoint.Calls.ShouldBe(2);
    }

    [Fact]
    public async Task SendAsync_401InvalidTokenWithStreamedBody_DropsTokenButDoesNotResend()
    {
        (TokenEntryFixture f, CapturingHandler target, HttpClient client) = Create((_, _) => Unauthorized(InvalidToken));

        using HttpResponseMessage response = await client.PostAsync(new Uri("https://orders.example.com/"), new StreamContent(new NonSeekableStream("{}"u8.ToArray())));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        target.Requests.Count.ShouldBe(1);
        f.Entry().Snapshot.Value.ShouldBeNull("the rejected token is dropped all the same");
    }

    [Fact]
    public async Task SendAsync_PlainHttpToAnotherHost_IsRefusedBeforeAnyTokenIsRequested()
    {
        (TokenEntryFixture f, CapturingHandler target, HttpClient client) = Create();

        ServiceAuthException e = await Should.ThrowAsync<ServiceAuthException>(() => client.GetAsync(new Uri("http://orders.example.com/")));

        e.Message.ShouldContain("over plain http://");
        target.Requests.ShouldBeEmpty();
        f.Endpoint.Calls.ShouldBe(0);
    }

    [Fact]
    public async Task SendAsync_PlainHttpToLoopback_IsAllowed()
    {
        (_, CapturingHandler target, HttpClient client) = Create();

        await client.GetAsync(new Uri("http://127.0.0.1:5000/"));

        target.Requests.Single().Authorization.ShouldBe("Bearer token-1");
    }

    [Fact]
    public void Send_Synchronous_AttachesTokenAndRecoversToo()
    {
        (_, CapturingHandler target, HttpClient client) = Create((_, n) => n == 1 ? Unauthorized(InvalidToken) : new HttpResponseMessage(HttpStatusCode.OK));

        using HttpResponseMessage response = client.Send(new HttpRequestMessage(HttpMethod.Get, new Uri("https://orders.example.com/")));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        target.Requests.Select(s => s.Authorization).ShouldBe(["Bearer token-1", "Bearer token-2"]);
    }

    private static HttpResponseMessage Unauthorized(string challenge)
    {
        var response = new HttpResponseMessage(HttpStatusCode.Unauthorized);
        response.Headers.TryAddWithoutValidation("WWW-Authenticate", challenge);
        return response;
    }

    private static (TokenEntryFixture, CapturingHandler, HttpClient) Create(Func<CapturedRequest, int, HttpResponseMessage>? respond = null)
    {
        var f = new TokenEntryFixture();
        var target = new CapturingHandler();
        if (respond is not null)
        {
            target.Respond = respond;
        }

        var handler = new ClientCredentialsTokenHandler(f.Entry(), allowInsecureHttp: false, NullLogger.Instance) { InnerHandler = target };
        return (f, target, new HttpClient(handler));
    }
}
