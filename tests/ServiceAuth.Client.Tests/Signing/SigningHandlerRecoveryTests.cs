using System.Globalization;
using System.Net;
using Amazon.Runtime;
using ServiceAuth.Client.Credentials.Internal;
using ServiceAuth.Client.Signing;
using ServiceAuth.Client.Signing.Internal;
using ServiceAuth.Client.Tests.Support;
using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Tests.Signing;

public sealed class SigningHandlerRecoveryTests
{
    private static readonly Uri Api = new("https://abc123.execute-api.eu-west-1.amazonaws.com/prod/orders");

    [Theory]
    [InlineData("ExpiredToken", HttpStatusCode.Forbidden, false)]
    [InlineData("ExpiredTokenException", HttpStatusCode.BadRequest, true)]
    [InlineData("InvalidToken", HttpStatusCode.BadRequest, false)]
    [InlineData("InvalidClientTokenId", HttpStatusCode.Forbidden, false)]
    public async Task RejectedCredentials_InvalidatesSignsWithFreshCredentialsAndSendsOnceMore(string code, HttpStatusCode status, bool json)
    {
        var f = new CacheFixture();
        AssumedRoleCredentials entry = f.Entry();
        var wire = new CapturingHandler { Respond = (_, n) => n == 1 ? CapturingHandler.Error(status, code, json: json) : new HttpResponseMessage(HttpStatusCode.OK) };
        using var client = Client(entry, f.Time, wire);

        using HttpResponseMessage response = await client.PostAsync(Api, new StringContent("{\"id\":1}"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        CapturedRequest[] sent = [.. wire.Requests];
        sent.Length.ShouldBe(2);
        sent[1].AccessKeyId.ShouldNotBe(sent[0].AccessKeyId);
        sent[1].Body.ShouldBe(sent[0].Body);
        f.Sts.Calls.ShouldBe(2);
    }

    [Fact]
    public async Task RejectedCredentials_Twice_SendsOnlyOnceMoreAndReturnsTheSecondAnswer()
    {
        var f = new CacheFixture();
        var wire = new CapturingHandler { Respond = (_, _) => CapturingHandler.Error(HttpStatusCode.Forbidden, "ExpiredToken") };
        using var client = Client(f.Entry(), f.Time, wire);

        using HttpResponseMessage response = await client.GetAsync(Api);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).ShouldContain("<Code>ExpiredToken</Code>");
        wire.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task RejectedCredentials_NonReplayableBody_ReturnsTheAnswerWithoutResending()
    {
        var f = new CacheFixture();
        var wire = new CapturingHandler { Respond = (_, _) => CapturingHandler.Error(HttpStatusCode.Forbidden, "ExpiredToken") };
        using var client = Client(f.Entry(), f.Time, wire, PayloadSigningMode.UnsignedPayload);

        using HttpResponseMessage response = await client.PostAsync(Api, new StreamContent(new NonSeekableStream(new byte[10])));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        wire.Requests.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("AccessDenied", HttpStatusCode.Forbidden)]
    [InlineData("ValidationException", HttpStatusCode.BadRequest)]
    [InlineData("Throttling", HttpStatusCode.BadRequest)]
    public async Task OtherErrors_AreReturnedAsIs_WithTheBodyStillReadable(string code, HttpStatusCode status)
    {
        var f = new CacheFixture();
        var wire = new CapturingHandler { Respond = (_, _) => CapturingHandler.Error(status, code) };
        using var client = Client(f.Entry(), f.Time, wire);

        using HttpResponseMessage response = await client.GetAsync(Api);

        response.StatusCode.ShouldBe(status);
        (await response.Content.ReadAsStringAsync()).ShouldContain($"<Code>{code}</Code>");
        wire.Requests.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("RequestTimeTooSkewed", 1)]
    [InlineData("RequestExpired", 10)]
    [InlineData("RequestInTheFuture", -10)]
    [InlineData("SignatureDoesNotMatch", 5)]
    [InlineData("InvalidSignatureException", -6)]
    public async Task ClockSkew_RecordsTheOffsetAndSignsWithTheCorrectedTime(string code, int serverAheadMinutes)
    {
        var f = new CacheFixture();
        var skew = new ClockSkewRegistry();
        DateTimeOffset serverNow = f.Time.GetUtcNow().AddMinutes(serverAheadMinutes);
        var wire = new CapturingHandler { Respond = (_, n) => n == 1 ? CapturingHandler.Error(HttpStatusCode.Forbidden, code, serverNow) : new HttpResponseMessage(HttpStatusCode.OK) };
        using var client = Client(f.Entry(), f.Time, wire, skew: skew);

        using HttpResponseMessage first = await client.GetAsync(Api);
        using HttpResponseMessage later = await client.GetAsync(Api);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        CapturedRequest[] sent = [.. wire.Requests];
        sent.Length.ShouldBe(3);
        (AmzTime(sent[1]) - AmzTime(sent[0])).ShouldBe(TimeSpan.FromMinutes(serverAheadMinutes));
        AmzTime(sent[2]).ShouldBe(AmzTime(sent[1]));
        skew.Get(Api).ShouldBe(TimeSpan.FromMinutes(serverAheadMinutes));
    }

    [Theory]
    [InlineData("SignatureDoesNotMatch", 3)]
    [InlineData("SignatureDoesNotMatch", -4)]
    [InlineData("AuthFailure", 0)]
    public async Task SignatureError_WithinFourMinutes_IsNotTreatedAsSkew(string code, int serverAheadMinutes)
    {
        var f = new CacheFixture();
        var skew = new ClockSkewRegistry();
        var wire = new CapturingHandler { Respond = (_, _) => CapturingHandler.Error(HttpStatusCode.Forbidden, code, f.Time.GetUtcNow().AddMinutes(serverAheadMinutes)) };
        using var client = Client(f.Entry(), f.Time, wire, skew: skew);

        using HttpResponseMessage response = await client.GetAsync(Api);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        wire.Requests.Count.ShouldBe(1);
        skew.Get(Api).ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public async Task StaticCredentials_Rejected_AreNotResent()
    {
        var time = new FakeTimeProvider(TestClock.Start);
        var wire = new CapturingHandler { Respond = (_, _) => CapturingHandler.Error(HttpStatusCode.Forbidden, "InvalidClientTokenId") };
        using var client = Client(new BasicAWSCredentials("AKIASTATIC0000000000", "s"), time, wire);

        using HttpResponseMessage response = await client.GetAsync(Api);

        wire.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public void Send_Synchronous_RejectedCredentials_InvalidatesAndSendsOnceMore()
    {
        var f = new CacheFixture();
        AssumedRoleCredentials entry = f.Entry();
        entry.GetCredentials();
        var wire = new CapturingHandler { Respond = (_, n) => n == 1 ? CapturingHandler.Error(HttpStatusCode.Forbidden, "ExpiredToken") : new HttpResponseMessage(HttpStatusCode.OK) };
        using var client = Client(entry, f.Time, wire);

        using HttpResponseMessage response = client.Send(new HttpRequestMessage(HttpMethod.Post, Api) { Content = new StringContent("{\"id\":1}") });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        CapturedRequest[] sent = [.. wire.Requests];
        sent.Length.ShouldBe(2);
        sent[1].AccessKeyId.ShouldNotBe(sent[0].AccessKeyId);
        sent[1].Body.ShouldBe(sent[0].Body);
    }

    [Fact]
    public void Send_Synchronous_ClockSkew_SignsAgainWithTheCorrectedTime()
    {
        var f = new CacheFixture();
        var skew = new ClockSkewRegistry();
        DateTimeOffset serverNow = f.Time.GetUtcNow().AddMinutes(20);
        var wire = new CapturingHandler { Respond = (_, n) => n == 1 ? CapturingHandler.Error(HttpStatusCode.Forbidden, "RequestTimeTooSkewed", serverNow) : new HttpResponseMessage(HttpStatusCode.OK) };
        using var client = Client(f.Entry(), f.Time, wire, skew: skew);

        using HttpResponseMessage response = client.Send(new HttpRequestMessage(HttpMethod.Get, Api));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        CapturedRequest[] sent = [.. wire.Requests];
        (AmzTime(sent[1]) - AmzTime(sent[0])).ShouldBe(TimeSpan.FromMinutes(20));
    }

    [Fact]
    public void Send_Synchronous_OtherError_BodyStillReadable()
    {
        var f = new CacheFixture();
        var wire = new CapturingHandler { Respond = (_, _) => CapturingHandler.Error(HttpStatusCode.BadRequest, "ValidationError") };
        using var client = Client(f.Entry(), f.Time, wire);

        using HttpResponseMessage response = client.Send(new HttpRequestMessage(HttpMethod.Get, Api));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        new StreamReader(response.Content.ReadAsStream()).ReadToEnd().ShouldContain("<Code>ValidationError</Code>");
        wire.Requests.Count.ShouldBe(1);
    }

    private static HttpClient Client(AWSCredentials credentials, TimeProvider time, HttpMessageHandler wire, PayloadSigningMode payload = PayloadSigningMode.Sha256, ClockSkewRegistry? skew = null)
    {
        var settings = SigningSettings.From(new SignedHttpClientOptions { BaseAddress = Api, PayloadSigning = payload });
        return new HttpClient(new SigV4DelegatingHandler(settings, credentials, SigV4Signer.Shared, time, null, skew ?? new ClockSkewRegistry()) { InnerHandler = wire });
    }

    private static DateTimeOffset AmzTime(CapturedRequest sent) =>
        DateTimeOffset.ParseExact(sent.AmzDate!, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
