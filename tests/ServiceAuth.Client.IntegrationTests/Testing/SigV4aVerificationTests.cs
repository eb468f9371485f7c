using System.Net;
using System.Text.Json;
using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;
using ServiceAuth.Client.Signing;
using ServiceAuth.Client.Testing;

namespace ServiceAuth.Client.IntegrationTests.Testing;

/// <summary>SigV4a requests signed by the library and verified by the endpoint's independent SigV4a verifier.</summary>
public sealed class SigV4aVerificationTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _time = new(TestClock.Start);
    private readonly LocalAwsEndpoint _endpoint;
    private readonly LocalUser _alice;

    public SigV4aVerificationTests()
    {
        _endpoint = LocalAwsEndpoint.CreateInMemory(new LocalAwsEndpointOptions { TimeProvider = _time, Region = "eu-west-1" });
        _alice = _endpoint.AddUser("alice");
        _endpoint.AddApi("ANY", "/orders/{id}", _alice.Arn);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("us-east-1,eu-west-1")]
    [InlineData("eu-*")]
    public async Task SignedClient_SigV4a_IsAcceptedInEveryRegionOfTheSet(string regionSet)
    {
        using ServiceProvider provider = Build(o => o.RegionSet = regionSet);

        using HttpResponseMessage response = await Client(provider).PostAsync("orders/7?b=2&a=1", new StringContent("{\"n\":1}"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using JsonDocument json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("caller").GetString().ShouldBe(_alice.Arn);
    }

    [Fact]
    public async Task SignedClient_SigV4aWithoutRegionSet_SignsForItsRegion()
    {
        using ServiceProvider provider = Build(o => o.Region = "eu-west-1");

        using HttpResponseMessage response = await Client(provider).GetAsync("orders/1");

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RegionSetWithoutTheEndpointRegion_IsRefused()
    {
        using ServiceProvider provider = Build(o => o.RegionSet = "us-*");

        using HttpResponseMessage response = await Client(provider).GetAsync("orders/1");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using JsonDocument json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("message").GetString().ShouldBe("The X-Amz-Region-Set 'us-*' does not include the region 'eu-west-1' that received the request.");
    }

    [Fact]
    public async Task WrongSecret_IsRefusedWithSignatureDoesNotMatch()
    {
        var wrong = new BasicAWSCredentials(_alice.Credentials.AccessKey, "not-" + _alice.Credentials.SecretKey);
        using ServiceProvider provider = Build(o => (o.Credentials, o.RegionSet) = (wrong, "*"));

        using HttpResponseMessage response = await Client(provider).GetAsync("orders/1");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        response.Headers.GetValues("x-amzn-ErrorType").Single().ShouldBe("InvalidSignatureException");
    }

    [Fact]
    public async Task TamperedRegionSet_IsRefused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_endpoint.BaseAddress, "/orders/1"));
        SigV4Signer.Shared.Sign(request, _alice.Credentials, Parameters("eu-west-1"));
        request.Headers.Remove("X-Amz-Region-Set");
        request.Headers.TryAddWithoutValidation("X-Amz-Region-Set", "*");

        using HttpResponseMessage response = await Send(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        response.Headers.GetValues("x-amzn-ErrorType").Single().ShouldBe("InvalidSignatureException");
    }

    [Fact]
    public async Task PresignedSigV4aUrl_IsAcceptedUntilItExpires()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_endpoint.BaseAddress, "/orders/9?x=%2B1"));
        Uri url = SigV4Signer.Shared.Presign(request, _alice.Credentials, Parameters("*"), TimeSpan.FromMinutes(5));

        url.Query.ShouldContain("X-Amz-Algorithm=AWS4-ECDSA-P256-SHA256");
        url.Query.ShouldContain("X-Amz-Region-Set=%2A");
        using (HttpResponseMessage ok = await Send(new HttpRequestMessage(HttpMethod.Get, url)))
        {
            ok.StatusCode.ShouldBe(HttpStatusCode.OK, await ok.Content.ReadAsStringAsync());
        }

        _time.Advance(TimeSpan.FromMinutes(6));
        using HttpResponseMessage expired = await Send(new HttpRequestMessage(HttpMethod.Get, url));
        expired.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    public ValueTask DisposeAsync() => _endpoint.DisposeAsync();

    private SigV4SigningParameters Parameters(string regionSet) => new()
    {
        Region = "eu-west-1",
        Service = "execute-api",
        SigningTime = _time.GetUtcNow(),
        Algorithm = SignatureAlgorithm.SigV4a,
        RegionSet = regionSet,
    };

    private async Task<HttpResponseMessage> Send(HttpRequestMessage request)
    {
        using var invoker = new HttpMessageInvoker(_endpoint.CreateHandler());
        return await invoker.SendAsync(request, CancellationToken.None);
    }

    private ServiceProvider Build(Action<SignedHttpClientOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_time);
        services.AddSignedHttpClient("orders", o =>
        {
            o.BaseAddress = new Uri(_endpoint.BaseAddress, "/");
            o.Service = "execute-api";
            o.Algorithm = SignatureAlgorithm.SigV4a;
            o.AllowInsecureHttp = true; // the in-memory endpoint is http://local-aws.test/
            o.Credentials = _alice.ToAwsCredentials();
            configure(o);
        }).ConfigurePrimaryHttpMessageHandler(() => _endpoint.CreateHandler());
        return services.BuildServiceProvider();
    }

    private static HttpClient Client(ServiceProvider provider) =>
        provider.GetRequiredService<IHttpClientFactory>().CreateClient("orders");
}
