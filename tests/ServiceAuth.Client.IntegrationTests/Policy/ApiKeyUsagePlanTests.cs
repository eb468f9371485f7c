using System.Net;
using ServiceAuth.Client.IntegrationTests.Testing;
using ServiceAuth.Client.Testing;

namespace ServiceAuth.Client.IntegrationTests.Policy;

/// <summary>API keys and usage plans on API routes, answered as API Gateway answers them, on the endpoint's clock.</summary>
public sealed class ApiKeyUsagePlanTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(TestClock.Start);
    private readonly LocalAwsEndpoint _endpoint;
    private readonly SignedSender _sender;
    private readonly LocalUser _caller;

    public ApiKeyUsagePlanTests()
    {
        _endpoint = LocalAwsEndpoint.CreateInMemory(new LocalAwsEndpointOptions { TimeProvider = _time });
        _sender = new SignedSender(_endpoint, _time);
        _caller = _endpoint.AddUser("caller");
        _endpoint.AddApi("GET", "/orders/{id}", _caller.Arn);
        _endpoint.RequireApiKey("GET", "/orders/{id}");
    }

    [Fact]
    public async Task Route_WithoutOrWithAnUnknownApiKey_IsForbidden()
    {
        _endpoint.AddUsagePlan().AddApiKey();

        using HttpResponseMessage missing = await GetAsync(null);
        using HttpResponseMessage unknown = await GetAsync("not-a-key-of-any-plan");

        foreach (HttpResponseMessage response in new[] { missing, unknown })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            response.Headers.GetValues("x-amzn-ErrorType").Single().ShouldBe("ForbiddenException");
            (await response.Content.ReadAsStringAsync()).ShouldBe("""{"message":"Forbidden"}""");
        }
    }

    [Fact]
    public async Task Key_OverRateAfterBurst_IsTooManyRequests_UntilTheBucketRefills()
    {
        string key = _endpoint.AddUsagePlan(p => (p.RateLimit, p.BurstLimit) = (1, 2)).AddApiKey();

        using HttpResponseMessage first = await GetAsync(key);
        using HttpResponseMessage second = await GetAsync(key);
        using HttpResponseMessage throttled = await GetAsync(key);
        _time.Advance(TimeSpan.FromSeconds(1));
        using HttpResponseMessage refilled = await GetAsync(key);

        await first.ShouldBeAllowedAsync(_endpoint);
        await second.ShouldBeAllowedAsync(_endpoint);
        throttled.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        throttled.Headers.GetValues("x-amzn-ErrorType").Single().ShouldBe("TooManyRequestsException");
        (await throttled.Content.ReadAsStringAsync()).ShouldBe("""{"message":"Too Many Requests"}""");
        await refilled.ShouldBeAllowedAsync(_endpoint);
    }

    [Fact]
    public async Task Key_OverQuota_IsLimitExceeded_UntilTheNextPeriod()
    {
        string key = _endpoint.AddUsagePlan(p => (p.QuotaLimit, p.QuotaPeriod) = (2, TimeSpan.FromDays(1))).AddApiKey();

        (await GetAsync(key)).Dispose();
        (await GetAsync(key)).Dispose();
        using HttpResponseMessage exceeded = await GetAsync(key);
        _time.Advance(TimeSpan.FromDays(1));
        using HttpResponseMessage nextDay = await GetAsync(key);

        exceeded.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        exceeded.Headers.GetValues("x-amzn-ErrorType").Single().ShouldBe("LimitExceededException");
        (await exceeded.Content.ReadAsStringAsync()).ShouldBe("""{"message":"Limit Exceeded"}""");
        await nextDay.ShouldBeAllowedAsync(_endpoint);
    }

    [Fact]
    public async Task Key_IsCheckedAfterAuthorization_AsApiGatewayDoes()
    {
        string key = _endpoint.AddUsagePlan().AddApiKey();
        LocalUser stranger = _endpoint.AddUser("stranger", "999999999999");

        using HttpRequestMessage request = _sender.Request(HttpMethod.Get, "/orders/1");
        request.Headers.Add("x-api-key", key);
        using HttpResponseMessage response = await _sender.SignAndSendAsync(request, stranger.Credentials);

        response.Headers.GetValues("x-amzn-ErrorType").Single().ShouldBe("AccessDeniedException");
        Should.Throw<ArgumentException>(() => _endpoint.RequireApiKey("POST", "/nope")).Message.ShouldContain("No API route 'POST /nope' was added");
    }

    public void Dispose() => _sender.Dispose();

    private async Task<HttpResponseMessage> GetAsync(string? apiKey)
    {
        using HttpRequestMessage request = _sender.Request(HttpMethod.Get, "/orders/1");
        if (apiKey is not null)
        {
            request.Headers.Add("x-api-key", apiKey);
        }

        return await _sender.SignAndSendAsync(request, _caller.Credentials);
    }
}
