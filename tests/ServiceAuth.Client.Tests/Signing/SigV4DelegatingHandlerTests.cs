using Amazon.Runtime;
using NSubstitute;
using ServiceAuth.Client.Signing;
using ServiceAuth.Client.Tests.Support;

namespace ServiceAuth.Client.Tests.Signing;

public sealed class SigV4DelegatingHandlerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 10, 30, 0, TimeSpan.Zero));
    private readonly CapturingHandler _wire = new();

    [Fact]
    public async Task SendAsync_ResolvesCredentialsOnEverySend()
    {
        var credentials = Substitute.For<AWSCredentials>();
        credentials.GetCredentialsAsync().Returns(
            Task.FromResult(new ImmutableCredentials("AKIAFIRST0000000000", "secret-1", null)),
            Task.FromResult(new ImmutableCredentials("AKIASECOND000000000", "secret-2", null)));
        using var client = CreateClient(new SignedHttpClientOptions { Region = "eu-west-1", Service = "execute-api", Credentials = credentials });

        await client.GetAsync("https://api.example.com/a");
        await client.GetAsync("https://api.example.com/a");

        _wire.Requests[0].Header("Authorization")!.ShouldContain("Credential=AKIAFIRST0000000000/20261122/eu-west-1/execute-api/aws4_request");
        _wire.Requests[1].Header("Authorization")!.ShouldContain("Credential=AKIASECOND000000000/");
    }

    [Fact]
    public async Task SendAsync_TakesSigningTimeFromTimeProvider()
    {
        using var client = CreateClient(Options());

        await client.GetAsync("https://api.example.com/");

        _wire.Requests[0].Header("X-Amz-Date").ShouldBe("20261122T103000Z");
    }

    [Fact]
    public async Task SendAsync_WithinAndAcrossASecond_DatesEachRequestWithItsOwnSecond()
    {
        using var client = CreateClient(Options());
        _time.Advance(TimeSpan.FromMilliseconds(900));

        await client.GetAsync("https://api.example.com/");
        _time.Advance(TimeSpan.FromMilliseconds(50));
        await client.GetAsync("https://api.example.com/");
        _time.Advance(TimeSpan.FromMilliseconds(100));
        await client.GetAsync("https://api.example.com/");

        _wire.Requests.Select(r => r.Header("X-Amz-Date")).ShouldBe(["20261122T103000Z", "20261122T103000Z", "20261122T103001Z"]);
    }

    [Fact]
    public async Task SendAsync_SameRequestSentAgain_ReplacesSigningHeaders()
    {
        var credentials = Substitute.For<AWSCredentials>();
        credentials.GetCredentialsAsync().Returns(
            Task.FromResult(TestCredentials.Immutable(withToken: true)),
            Task.FromResult(TestCredentials.Immutable(withToken: false)));
        var options = new SignedHttpClientOptions { Region = "us-east-1", Service = "execute-api", Credentials = credentials };
        var retry = new ResendingHandler(() => _time.Advance(TimeSpan.FromSeconds(7)))
        {
            InnerHandler = new SigV4DelegatingHandler(options, _time) { InnerHandler = _wire },
        };
        using var client = new HttpClient(retry);

        await client.PostAsync("https://api.example.com/orders", new StringContent("{}"));

        CapturedRequest second = _wire.Requests[1];
        second.Header("X-Amz-Date").ShouldBe("20261122T103007Z");
        _wire.Requests[0].Header("X-Amz-Date").ShouldBe("20261122T103000Z");
        second.Header("Authorization")!.ShouldStartWith("AWS4-HMAC-SHA256 ");
        second.Header("Authorization")!.ShouldNotContain("x-amz-security-token");
        second.Header("X-Amz-Security-Token").ShouldBeNull();
    }

    [Fact]
    public void Send_Synchronous_SignsRequest()
    {
        using var client = CreateClient(Options());

        using HttpResponseMessage response = client.Send(new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/sync"));

        _wire.Requests[0].Header("Authorization")!.ShouldContain("SignedHeaders=host;x-amz-date;x-amz-security-token");
    }

    [Fact]
    public async Task SendAsync_PlainHttpToRemoteHost_FailsBeforeSending()
    {
        using var client = CreateClient(Options());

        SigningException e = await Should.ThrowAsync<SigningException>(() => client.GetAsync("http://api.example.com/"));

        e.Message.ShouldContain("AllowInsecureHttp");
        _wire.Requests.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/", false)]
    [InlineData("http://localhost/", false)]
    [InlineData("http://api.example.com/", true)]
    public async Task SendAsync_PlainHttpToLoopbackOrWhenAllowed_IsSigned(string url, bool allowInsecure)
    {
        SignedHttpClientOptions options = Options();
        options.AllowInsecureHttp = allowInsecure;
        using var client = CreateClient(options);

        await client.GetAsync(url);

        _wire.Requests.Single().Header("Authorization").ShouldNotBeNull();
    }

    [Fact]
    public async Task SendAsync_NonSeekableBodyOverLimit_FailsBeforeSending()
    {
        SignedHttpClientOptions options = Options();
        options.MaxBufferedPayloadBytes = 1024;
        using var client = CreateClient(options);

        SigningException e = await Should.ThrowAsync<SigningException>(() =>
            client.PostAsync("https://api.example.com/upload", new StreamContent(new NonSeekableStream(new byte[4096]))));

        e.Message.ShouldContain("MaxBufferedPayloadBytes (1024 bytes)");
        _wire.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task SendAsync_NonSeekableBodyWithinLimit_IsBufferedHashedAndSentWhole()
    {
        byte[] body = System.Text.Encoding.UTF8.GetBytes("{\"order\":42}");
        using var client = CreateClient(Options());
        var content = new StreamContent(new NonSeekableStream(body));
        content.Headers.ContentType = new("application/json");

        await client.PostAsync("https://api.example.com/orders", content);

        CapturedRequest sent = _wire.Requests.Single();
        sent.Body.ShouldBe(body);
        sent.Header("Content-Type").ShouldBe("application/json");
        sent.Header("Authorization")!.ShouldContain("content-type");
    }

    [Fact]
    public async Task SendAsync_ApiKeyAndApiId_AreSentAndSigned()
    {
        SignedHttpClientOptions options = Options();
        options.ApiKey = "usage-plan-key-123";
        options.ApiGatewayApiId = "a1b2c3d4e5";
        using var client = CreateClient(options);

        await client.GetAsync("https://vpce-0abc-1234.execute-api.us-east-1.vpce.amazonaws.com/prod/items");

        CapturedRequest sent = _wire.Requests.Single();
        sent.Header("x-api-key").ShouldBe("usage-plan-key-123");
        sent.Header("x-apigw-api-id").ShouldBe("a1b2c3d4e5");
        sent.Header("Authorization")!.ShouldContain("SignedHeaders=host;x-amz-date;x-amz-security-token;x-api-key;x-apigw-api-id");
    }

    [Theory]
    [InlineData("https://abc123.execute-api.eu-west-2.amazonaws.com/prod/", "eu-west-2/execute-api")]
    [InlineData("https://vpce-0abc-1234.execute-api.ap-southeast-2.vpce.amazonaws.com/", "ap-southeast-2/execute-api")]
    [InlineData("https://abcdefghijklmnop.lambda-url.us-west-2.on.aws/", "us-west-2/lambda")]
    [InlineData("https://sns.eu-central-1.amazonaws.com/", "eu-central-1/sns")]
    public async Task SendAsync_RegionAndServiceUnset_InferredFromHost(string url, string scope)
    {
        using var client = CreateClient(new SignedHttpClientOptions { Credentials = TestCredentials.Session() });

        await client.GetAsync(url);

        _wire.Requests.Single().Header("Authorization")!.ShouldContain($"/20261122/{scope}/aws4_request");
    }

    [Fact]
    public async Task SendAsync_RegionUnsetAndHostUnknown_FailsNamingTheOption()
    {
        using var client = CreateClient(new SignedHttpClientOptions { Credentials = TestCredentials.Session() });

        SigningException e = await Should.ThrowAsync<SigningException>(() => client.GetAsync("https://internal.example.com/"));

        e.Message.ShouldContain("SignedHttpClientOptions.Region");
    }

    private static SignedHttpClientOptions Options() =>
        new() { Region = "us-east-1", Service = "execute-api", Credentials = TestCredentials.Session() };

    private HttpClient CreateClient(SignedHttpClientOptions options) =>
        new(new SigV4DelegatingHandler(options, _time) { InnerHandler = _wire });
}
