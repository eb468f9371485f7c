using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Amazon.Runtime;
using ServiceAuth.Client.Signing;
using ServiceAuth.Client.Testing;

namespace ServiceAuth.Client.IntegrationTests.Testing;

/// <summary>LocalAwsEndpoint answers presigned STS GetCallerIdentity (GET, query auth, extra signed headers) as STS does:
/// XML by default, JSON with <c>Accept: application/json</c>, valid for 15 minutes after X-Amz-Date.</summary>
public sealed class StsPresignedGetCallerIdentityTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _time = new(TestClock.Start);
    private readonly LocalAwsEndpoint _endpoint;
    private readonly HttpMessageInvoker _invoker;
    private readonly LocalUser _alice;

    public StsPresignedGetCallerIdentityTests()
    {
        _endpoint = LocalAwsEndpoint.CreateInMemory(new LocalAwsEndpointOptions { TimeProvider = _time });
        _invoker = new HttpMessageInvoker(_endpoint.CreateHandler());
        _alice = _endpoint.AddUser("alice", "123456789012");
    }

    [Fact]
    public async Task DefaultAccept_AnswersXml()
    {
        using HttpResponseMessage response = await SendAsync(Presign(_alice.Credentials, "service-b"), "service-b", json: false);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/xml");
        XDocument xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace ns = "https://sts.amazonaws.com/doc/2011-06-15/";
        xml.Root!.Name.ShouldBe(ns + "GetCallerIdentityResponse");
        xml.Root.Element(ns + "GetCallerIdentityResult")!.Element(ns + "Arn")!.Value.ShouldBe(_alice.Arn);
    }

    [Fact]
    public async Task AcceptJson_AnswersTheDocumentedJsonShape()
    {
        using HttpResponseMessage response = await SendAsync(Presign(_alice.Credentials, "service-b"), "service-b", json: true);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        using JsonDocument json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        JsonElement root = json.RootElement.GetProperty("GetCallerIdentityResponse");
        JsonElement result = root.GetProperty("GetCallerIdentityResult");
        result.GetProperty("Account").GetString().ShouldBe("123456789012");
        result.GetProperty("Arn").GetString().ShouldBe(_alice.Arn);
        result.GetProperty("UserId").GetString()!.ShouldStartWith("AIDA");
        root.GetProperty("ResponseMetadata").GetProperty("RequestId").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task ExtraSignedHeader_WithAnotherValue_IsSignatureDoesNotMatch_InJson()
    {
        using HttpResponseMessage response = await SendAsync(Presign(_alice.Credentials, "service-c"), "service-b", json: true);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using JsonDocument json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        JsonElement error = json.RootElement.GetProperty("Error");
        error.GetProperty("Code").GetString().ShouldBe("SignatureDoesNotMatch");
        error.GetProperty("Type").GetString().ShouldBe("Sender");
        json.RootElement.GetProperty("RequestId").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task PresignedSts_IsValidFor15MinutesWhateverXAmzExpiresSays()
    {
        Uri url = Presign(_alice.Credentials, "service-b", TimeSpan.FromSeconds(60));

        _time.Advance(TimeSpan.FromMinutes(14));
        using HttpResponseMessage within = await SendAsync(url, "service-b", json: true);
        _time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        using HttpResponseMessage after = await SendAsync(url, "service-b", json: true);

        within.StatusCode.ShouldBe(HttpStatusCode.OK);
        after.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await after.Content.ReadAsStringAsync()).ShouldContain("Signature expired");
    }

    public async ValueTask DisposeAsync()
    {
        _invoker.Dispose();
        await _endpoint.DisposeAsync();
    }

    private Uri Presign(ImmutableCredentials credentials, string audience, TimeSpan? expires = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://sts.us-east-1.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15");
        request.Headers.TryAddWithoutValidation("x-serviceauth-audience", audience);
        var parameters = new SigV4SigningParameters { Region = "us-east-1", Service = "sts", SigningTime = _time.GetUtcNow() };
        return SigV4Signer.Shared.Presign(request, credentials, parameters, expires ?? TimeSpan.FromMinutes(15));
    }

    private async Task<HttpResponseMessage> SendAsync(Uri url, string audience, bool json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("x-serviceauth-audience", audience);
        if (json)
        {
            request.Headers.TryAddWithoutValidation("Accept", "application/json");
        }

        return await _invoker.SendAsync(request, CancellationToken.None);
    }
}
