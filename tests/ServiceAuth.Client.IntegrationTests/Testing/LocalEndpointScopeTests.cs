using System.Net;
using System.Text;
using Amazon.Runtime;
using ServiceAuth.Client.Signing;
using ServiceAuth.Client.Testing;

namespace ServiceAuth.Client.IntegrationTests.Testing;

/// <summary>Issue 9 item 16: the local endpoint refuses what AWS refuses: a credential scope for another region or
/// service, an unsigned <c>x-amz-date</c> or session token, <c>X-Amz-Expires</c> over 7 days, <c>UNSIGNED-PAYLOAD</c> to a
/// service that computes the payload hash itself.</summary>
public sealed class LocalEndpointScopeTests : IAsyncDisposable
{
    private const string TopicArn = "arn:aws:sns:us-east-1:333333333333:orders";
    private readonly FakeTimeProvider _time = new(TestClock.Start);
    private readonly LocalAwsEndpoint _endpoint;
    private readonly HttpMessageInvoker _invoker;
    private readonly LocalUser _user;

    public LocalEndpointScopeTests()
    {
        _endpoint = LocalAwsEndpoint.CreateInMemory(new LocalAwsEndpointOptions { TimeProvider = _time });
        _user = _endpoint.AddUser("publisher", "333333333333");
        _endpoint.AddTopic(TopicArn, _user.Arn);
        _endpoint.AddApi("GET", "/orders/{id}", _user.Arn);
        _invoker = new HttpMessageInvoker(_endpoint.CreateHandler());
    }

    [Theory]
    [InlineData("us-west-2", "execute-api", "Credential should be scoped to a valid region")]
    [InlineData("us-east-1", "execute-api", "Credential should be scoped to correct service: 'sns'")]
    public async Task SnsPublish_SignedForAnotherRegionOrService_IsRefused(string region, string service, string message)
    {
        using HttpResponseMessage response = await SendAsync(Publish(), region, service);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        string body = await response.Content.ReadAsStringAsync();
        body.ShouldContain("<Code>SignatureDoesNotMatch</Code>");
        body.ShouldContain(message);
    }

    [Fact]
    public async Task SnsPublish_UnsignedPayload_IsRefused()
    {
        using HttpResponseMessage response = await SendAsync(Publish(), "us-east-1", "sns", PayloadSigningMode.UnsignedPayload);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).ShouldContain("<Code>SignatureDoesNotMatch</Code>");
    }

    [Theory]
    [InlineData("x-amz-date", "'X-Amz-Date' must be a 'SignedHeader'")]
    [InlineData("x-amz-security-token", "'X-Amz-Security-Token' must be a 'SignedHeader'")]
    public async Task DateOrSessionTokenNotSigned_IsRefused(string header, string message)
    {
        var session = new ImmutableCredentials(_user.Credentials.AccessKey, _user.Credentials.SecretKey, "session-token");
        HttpRequestMessage request = Publish();
        await SigV4Signer.Shared.SignAsync(request, session, Parameters("us-east-1", "sns"));
        string authorization = request.Headers.GetValues("Authorization").Single();
        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("Authorization", authorization.Replace(";" + header, string.Empty, StringComparison.Ordinal).Replace(header + ";", string.Empty, StringComparison.Ordinal));

        using HttpResponseMessage response = await _invoker.SendAsync(request, CancellationToken.None);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        string body = await response.Content.ReadAsStringAsync();
        body.ShouldContain("<Code>IncompleteSignature</Code>");
        body.ShouldContain(message);
    }

    [Fact]
    public async Task PresignedUrl_ExpiresOverSevenDays_IsRefused()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_endpoint.BaseAddress, "/orders/1"));
        Uri presigned = SigV4Signer.Shared.Presign(request, _user.Credentials, Parameters("us-east-1", "execute-api"), TimeSpan.FromHours(1));
        var tooLong = new Uri(presigned.ToString().Replace("X-Amz-Expires=3600", "X-Amz-Expires=604801", StringComparison.Ordinal));

        using HttpResponseMessage response = await _invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, tooLong), CancellationToken.None);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).ShouldContain("X-Amz-Expires must be less than a week (in seconds) that is 604800");
    }

    public async ValueTask DisposeAsync()
    {
        _invoker.Dispose();
        await _endpoint.DisposeAsync();
    }

    private HttpRequestMessage Publish() => new(HttpMethod.Post, _endpoint.BaseAddress)
    {
        Content = new StringContent($"Action=Publish&Version=2010-03-31&TopicArn={Uri.EscapeDataString(TopicArn)}&Message=m", Encoding.UTF8, "application/x-www-form-urlencoded"),
    };

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string region, string service, PayloadSigningMode payload = PayloadSigningMode.Sha256)
    {
        var parameters = new SigV4SigningParameters { Region = region, Service = service, SigningTime = _time.GetUtcNow(), PayloadSigning = payload };
        await SigV4Signer.Shared.SignAsync(request, _user.Credentials, parameters);
        return await _invoker.SendAsync(request, CancellationToken.None);
    }

    private SigV4SigningParameters Parameters(string region, string service) =>
        new() { Region = region, Service = service, SigningTime = _time.GetUtcNow() };
}
