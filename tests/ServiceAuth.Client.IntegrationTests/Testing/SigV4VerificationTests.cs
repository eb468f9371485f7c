using System.Net;
using System.Text.Json;
using Amazon.Runtime;
using ServiceAuth.Client.Testing;

namespace ServiceAuth.Client.IntegrationTests.Testing;

public sealed class SigV4VerificationTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _time = new(TestClock.Start);
    private readonly LocalAwsEndpoint _endpoint;
    private readonly SignedSender _sender;
    private readonly LocalUser _alice;

    public SigV4VerificationTests()
    {
        _endpoint = LocalAwsEndpoint.CreateInMemory(new LocalAwsEndpointOptions { TimeProvider = _time });
        _alice = _endpoint.AddUser("alice");
        _endpoint.AddApi("ANY", "/orders/{id}", _alice.Arn);
        _sender = new SignedSender(_endpoint, _time);
    }

    [Fact]
    public async Task ValidSignature_Returns200WithCaller()
    {
        using HttpResponseMessage response = await _sender.GetAsync("/orders/42?b=2&a=1&a=0", _alice.Credentials);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using JsonDocument json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("caller").GetString().ShouldBe(_alice.Arn);
        response.Headers.GetValues("x-amzn-RequestId").Single().ShouldNotBeNullOrEmpty();
        response.Headers.Date.ShouldBe(_time.GetUtcNow());
    }

    [Theory]
    [InlineData("/orders/a%20b%2Fc")]
    [InlineData("/orders/a%20b?x=%2B1&z=%C3%BC&empty=&flag")]
    [InlineData("/orders/./1/../2/")]
    public async Task EncodedPathAndQuery_AreVerifiedAsSentOnTheWire(string pathAndQuery)
    {
        // A raw '+' in the query is left out here: the AWS SDK's standalone signer reads it as a space, AWS (and the
        // endpoint) as a literal '+'. Likewise '//' (kept by that signer, collapsed by AWS for non-S3 services; the
        // aws-signing-test-suite vectors cover it). ServiceAuthSignerCrossCheckTests covers both with ServiceAuth.Client's signer.
        using HttpResponseMessage response = await _sender.GetAsync(pathAndQuery, _alice.Credentials);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Kestrel_VerifiesTheRawRequestTarget()
    {
        await using LocalAwsEndpoint kestrel = await LocalAwsEndpoint.StartAsync();
        LocalUser user = kestrel.AddUser("k");
        kestrel.AddApi("GET", "/files/{name}", user.Arn);
        using var sender = new SignedSender(kestrel, TimeProvider.System, inMemory: false);

        using HttpResponseMessage response = await sender.GetAsync("/files/a%20b%2Fc?x=%2B1&z=%C3%BC", user.Credentials);

        kestrel.BaseAddress.Host.ShouldBe("127.0.0.1");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using JsonDocument json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("path").GetString().ShouldBe("/files/a b/c");
    }

    [Fact]
    public async Task TamperedHeader_IsInvalidSignature()
    {
        HttpRequestMessage request = _sender.Request(HttpMethod.Get, "/orders/1");
        request.Headers.TryAddWithoutValidation("x-amz-meta-tenant", "a");
        await _sender.Sign(request, _alice.Credentials);
        request.Headers.Remove("x-amz-meta-tenant");
        request.Headers.TryAddWithoutValidation("x-amz-meta-tenant", "b");

        await ShouldBeApiErrorAsync(await _sender.SendAsync(request), "InvalidSignatureException", "The request signature we calculated does not match");
    }

    [Fact]
    public async Task TamperedBody_IsInvalidSignature()
    {
        HttpRequestMessage request = _sender.Request(HttpMethod.Post, "/orders/1", "{\"amount\":1}");
        await _sender.Sign(request, _alice.Credentials);
        request.Content = new StringContent("{\"amount\":9}", System.Text.Encoding.UTF8, "application/json");

        await ShouldBeApiErrorAsync(await _sender.SendAsync(request), "InvalidSignatureException", "does not match");
    }

    [Fact]
    public async Task TamperedPath_IsInvalidSignatureWithTheCanonicalString()
    {
        HttpRequestMessage request = _sender.Request(HttpMethod.Get, "/orders/1");
        await _sender.Sign(request, _alice.Credentials);
        request.RequestUri = new Uri(_endpoint.BaseAddress, "/orders/2");

        string message = await ShouldBeApiErrorAsync(await _sender.SendAsync(request), "InvalidSignatureException", "does not match");
        message.ShouldContain("The Canonical String for this request should have been\n'GET\n/orders/2\n");
    }

    [Fact]
    public async Task UnknownKey_IsUnrecognizedClient()
    {
        var stranger = new ImmutableCredentials("AKIAUNKNOWN000000000", "secret", null);

        await ShouldBeApiErrorAsync(await _sender.GetAsync("/orders/1", stranger), "UnrecognizedClientException", "The security token included in the request is invalid.");
    }

    [Fact]
    public async Task MissingAuthorization_IsMissingAuthenticationToken()
    {
        await ShouldBeApiErrorAsync(await _sender.SendAsync(_sender.Request(HttpMethod.Get, "/orders/1")), "MissingAuthenticationTokenException", "Missing Authentication Token");
    }

    [Fact]
    public async Task SignedSixMinutesAgo_IsSignatureExpired()
    {
        HttpRequestMessage request = _sender.Request(HttpMethod.Get, "/orders/1");
        using HttpResponseMessage response = await _sender.SignAndSendAsync(request, _alice.Credentials, at: _time.GetUtcNow().AddMinutes(-6));

        string message = await ShouldBeApiErrorAsync(response, "InvalidSignatureException", "Signature expired: 20261122T115400Z is now earlier than 20261122T115500Z (20261122T120000Z - 5 min.)");
        message.ShouldNotBeNull();
    }

    [Fact]
    public async Task SkewedEndpointClock_AnswersRequestTimeTooSkewedForAwsQuery_WithItsDate()
    {
        _endpoint.Faults.SkewClock(TimeSpan.FromMinutes(10));

        using HttpResponseMessage response = await _sender.PostFormAsync("sts", _alice.Credentials, ("Action", "GetCallerIdentity"), ("Version", "2011-06-15"));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await SignedSender.ErrorCodeAsync(response)).ShouldBe("RequestTimeTooSkewed");
        response.Headers.Date.ShouldBe(_time.GetUtcNow().AddMinutes(10));
    }

    [Fact]
    public async Task PresignedUrl_IsAccepted_AndRejectedOnceExpired()
    {
        Uri url = await _sender.PresignAsync(_sender.Request(HttpMethod.Get, "/orders/7?view=full"), _alice.Credentials, TimeSpan.FromMinutes(1));

        using HttpResponseMessage ok = await _sender.SendAsync(new HttpRequestMessage(HttpMethod.Get, url));
        ok.StatusCode.ShouldBe(HttpStatusCode.OK, await ok.Content.ReadAsStringAsync());

        _time.Advance(TimeSpan.FromMinutes(2));
        await ShouldBeApiErrorAsync(await _sender.SendAsync(new HttpRequestMessage(HttpMethod.Get, url)), "InvalidSignatureException", "Signature expired");
    }

    [Fact]
    public async Task RequestLog_RecordsCallerAndStatus_ButNoSecrets()
    {
        using HttpResponseMessage response = await _sender.GetAsync("/orders/1", _alice.Credentials);

        RecordedRequest entry = _endpoint.Requests.ShouldHaveSingleItem();
        entry.CallerArn.ShouldBe(_alice.Arn);
        entry.StatusCode.ShouldBe(200);
        entry.Path.ShouldBe("/orders/1");
        entry.ToString().ShouldNotContain(_alice.Credentials.SecretKey);
        _alice.ToString().ShouldNotContain(_alice.Credentials.SecretKey);
    }

    public async ValueTask DisposeAsync()
    {
        _sender.Dispose();
        await _endpoint.DisposeAsync();
    }

    private static async Task<string> ShouldBeApiErrorAsync(HttpResponseMessage response, string errorType, string messageStart)
    {
        using (response)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            response.Headers.GetValues("x-amzn-ErrorType").Single().ShouldBe(errorType);
            using JsonDocument json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            string message = json.RootElement.GetProperty("message").GetString()!;
            message.ShouldContain(messageStart);
            return message;
        }
    }
}
