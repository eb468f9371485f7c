using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using ServiceAuth.Client.Protocol.Internal;
using ServiceAuth.Client.Resilience.Internal;
using ServiceAuth.Client.Tests.Support;

namespace ServiceAuth.Client.Tests.Retry;

public sealed class AwsRetryHandlerTests
{
    private static readonly Uri Api = new("https://abc123.execute-api.eu-west-1.amazonaws.com/prod/orders");

    [Theory]
    [InlineData(400, "Throttling", false)]
    [InlineData(400, "ThrottlingException", true)]
    [InlineData(400, "RequestLimitExceeded", false)]
    [InlineData(400, "TooManyRequestsException", true)]
    [InlineData(503, "SlowDown", false)]
    [InlineData(429, "Whatever", true)]
    [InlineData(500, "InternalFailure", false)]
    [InlineData(502, "BadGateway", true)]
    [InlineData(503, "ServiceUnavailable", false)]
    [InlineData(504, "GatewayTimeout", true)]
    [InlineData(400, "RequestTimeout", false)]
    public async Task RetryableAnswer_IsRetriedAndEachAttemptIsSignedAfresh(int status, string code, bool json)
    {
        using var t = new Rig();
        t.Wire.Respond = (_, n) => n < 3 ? CapturingHandler.Error((HttpStatusCode)status, code, json: json) : new HttpResponseMessage(HttpStatusCode.OK);

        HttpResponseMessage response = await t.SendAsync(HttpMethod.Get);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        CapturedRequest[] sent = [.. t.Wire.Requests];
        sent.Length.ShouldBe(3);
        sent.Select(s => s.AccessKeyId).Distinct().Count().ShouldBe(3);
        sent.Select(s => s.Authorization).Distinct().Count().ShouldBe(3);
        t.Credentials.Resolutions.ShouldBe(3);
    }

    [Fact]
    public async Task EveryAttempt_CarriesItsOwnSigningTimeAndFreshCredentials()
    {
        using var t = new Rig();
        t.Wire.Respond = (_, n) =>
        {
            if (n == 3)
            {
                return new HttpResponseMessage(HttpStatusCode.OK);
            }

            HttpResponseMessage unavailable = CapturingHandler.Error(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable");
            unavailable.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(2));
            return unavailable;
        };

        await t.SendAsync(HttpMethod.Get);

        CapturedRequest[] sent = [.. t.Wire.Requests];
        sent.Select(s => s.AmzDate).ShouldBeUnique();
        sent.Select(s => s.AmzDate).ShouldBe(sent.Select(s => s.AmzDate).Order(StringComparer.Ordinal));
        sent.Select(s => s.AccessKeyId).ShouldBeUnique();
    }

    [Theory]
    [InlineData(11, "MaxRetryAttempts 11 must be between 0 and 10")]
    [InlineData(-1, "MaxRetryAttempts -1 must be between 0 and 10")]
    public async Task StartAsync_InvalidRetryOptions_FailsNamingTheClient(int attempts, string expected)
    {
        Microsoft.Extensions.Hosting.HostApplicationBuilder builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Services.AddSignedHttpClient("orders", o => o.BaseAddress = Api).AddAwsRetries(o =>
        {
            o.MaxRetryAttempts = attempts;
            o.TransientBaseDelay = TimeSpan.FromMinutes(1);
        });
        using Microsoft.Extensions.Hosting.IHost host = builder.Build();

        var e = await Should.ThrowAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => host.StartAsync());

        e.Message.ShouldContain($"AWS retries of HttpClient 'orders': {expected}");
        e.Message.ShouldContain("TransientBaseDelay 00:01:00 must be more than zero and at most MaxDelay (00:00:20)");
    }

    [Fact]
    public async Task ConnectionFailure_IsRetried()
    {
        using var t = new Rig();
        t.Wire.Respond = (_, n) => n == 1 ? throw new HttpRequestException("connection reset") : new HttpResponseMessage(HttpStatusCode.OK);

        HttpResponseMessage response = await t.SendAsync(HttpMethod.Get);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        t.Wire.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task CredentialsUnavailable_IsNotRetried()
    {
        using var t = new Rig();
        t.Wire.Respond = (_, _) => throw new ServiceAuth.Client.Credentials.CredentialsUnavailableException("no credentials", new HttpRequestException("sts unreachable"));

        await Should.ThrowAsync<ServiceAuth.Client.Credentials.CredentialsUnavailableException>(() => t.SendAsync(HttpMethod.Get));

        t.Wire.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task CallerCancellation_IsNotRetried()
    {
        using var t = new Rig();
        using var cancel = new CancellationTokenSource();
        t.Wire.Respond = (_, _) =>
        {
            cancel.Cancel();
            throw new TaskCanceledException("cancelled", null, cancel.Token);
        };

        await Should.ThrowAsync<OperationCanceledException>(() => t.SendAsync(HttpMethod.Get, cancellationToken: cancel.Token));

        t.Wire.Requests.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData(400, "ValidationException")]
    [InlineData(403, "AccessDenied")]
    [InlineData(404, "NotFound")]
    [InlineData(501, "NotImplemented")]
    public async Task NonRetryableAnswer_IsReturnedAfterOneAttempt(int status, string code)
    {
        using var t = new Rig();
        t.Wire.Respond = (_, _) => CapturingHandler.Error((HttpStatusCode)status, code);

        HttpResponseMessage response = await t.SendAsync(HttpMethod.Get);

        ((int)response.StatusCode).ShouldBe(status);
        (await response.Content.ReadAsStringAsync()).ShouldContain(code);
        t.Wire.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task AlwaysThrottled_StopsAfterThreeAttemptsByDefault()
    {
        using var t = new Rig();
        t.Wire.Respond = (_, _) => CapturingHandler.Error(HttpStatusCode.BadRequest, "Throttling");

        HttpResponseMessage response = await t.SendAsync(HttpMethod.Get);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        t.Wire.Requests.Count.ShouldBe(3);
    }

    [Theory]
    [InlineData("POST", false, 1)]
    [InlineData("PATCH", false, 1)]
    [InlineData("POST", true, 2)]
    [InlineData("PUT", false, 2)]
    [InlineData("DELETE", false, 2)]
    public async Task NonIdempotentRequests_AreRetriedOnlyWhenAllowed(string method, bool allow, int attempts)
    {
        using var t = new Rig(o => o.RetryNonIdempotent = allow);
        t.Wire.Respond = (_, n) => n == 1 ? CapturingHandler.Error(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable") : new HttpResponseMessage(HttpStatusCode.OK);

        await t.SendAsync(new HttpMethod(method), new ByteArrayContent([1, 2, 3]));

        t.Wire.Requests.Count.ShouldBe(attempts);
        t.Wire.Requests.ShouldAllBe(s => s.Body!.Length == 3);
    }

    [Fact]
    public async Task RetryBudget_WhenExhausted_StopsRetrying()
    {
        using var t = new Rig(o =>
        {
            o.RetryBudget = 20;
            o.TransientRetryCost = 14;
        });
        t.Wire.Respond = (_, _) => CapturingHandler.Error(HttpStatusCode.InternalServerError, "InternalFailure");

        await t.SendAsync(HttpMethod.Get);
        int firstRequestAttempts = t.Wire.Requests.Count;
        await t.SendAsync(HttpMethod.Get);

        firstRequestAttempts.ShouldBe(2);
        t.Wire.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task RetryAfter_IsHonouredOnFakeTime()
    {
        using var t = new Rig();
        DateTimeOffset start = t.Time.GetUtcNow();
        t.Wire.Respond = (_, n) =>
        {
            if (n > 1)
            {
                return new HttpResponseMessage(HttpStatusCode.OK);
            }

            HttpResponseMessage tooMany = CapturingHandler.Error(HttpStatusCode.TooManyRequests, "TooManyRequestsException");
            tooMany.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7));
            return tooMany;
        };

        await t.SendAsync(HttpMethod.Get);

        (t.Time.GetUtcNow() - start).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(7));
        t.Wire.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public void Delay_XAmzRetryAfter_IsClampedToComputedPlusFiveSeconds_AndMaxDelay()
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("x-amz-retry-after", "60000");
        TimeSpan computed = TimeSpan.FromSeconds(1);
        DateTimeOffset now = DateTimeOffset.UnixEpoch;

        RetryAfter.Apply(response, computed, TimeSpan.FromSeconds(20), now).ShouldBe(TimeSpan.FromSeconds(6));
        RetryAfter.Apply(response, computed, TimeSpan.FromSeconds(3), now).ShouldBe(TimeSpan.FromSeconds(3));
        response.Headers.Remove("x-amz-retry-after");
        response.Headers.TryAddWithoutValidation("x-amz-retry-after", "10");
        RetryAfter.Apply(response, computed, TimeSpan.FromSeconds(20), now).ShouldBe(computed);
    }

    [Fact]
    public void Delay_UsesTheThrottlingAndTransientBases()
    {
        var handler = new AwsRetryStrategy(new AwsRetryOptions(), new RetryBudget(500), new FullJitterBackoff(new FakeTimeProvider(TestClock.Start), new SystemRandomizer(new Random(1))), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);

        TimeSpan[] transient = Enumerable.Range(0, 100).Select(_ => handler.DelayFor(AwsErrorKind.Transient, 0, null)).ToArray();
        TimeSpan[] throttling = Enumerable.Range(0, 100).Select(_ => handler.DelayFor(AwsErrorKind.Throttling, 1, null)).ToArray();

        transient.ShouldAllBe(d => d <= TimeSpan.FromMilliseconds(50));
        throttling.ShouldAllBe(d => d <= TimeSpan.FromSeconds(2));
        throttling.Max().ShouldBeGreaterThan(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void RetryBudget_RefillsOnSuccessUpToCapacity()
    {
        var budget = new RetryBudget(10);

        budget.TryAcquire(5).ShouldBeTrue();
        budget.TryAcquire(6).ShouldBeFalse();
        budget.Release(1);
        budget.Release(100);

        budget.Available.ShouldBe(10);
    }

    private sealed class Rig : IDisposable
    {
        private readonly ServiceProvider _provider;
        private readonly HttpClient _client;

        public Rig(Action<AwsRetryOptions>? configure = null)
        {
            var services = new ServiceCollection();
            services.AddSingleton<TimeProvider>(Time);
            services.AddSignedHttpClient("orders", o =>
            {
                o.BaseAddress = Api;
                o.Credentials = Credentials;
            })
            .AddAwsRetries(configure)
            .ConfigurePrimaryHttpMessageHandler(() => Wire);
            _provider = services.BuildServiceProvider();
            _client = _provider.GetRequiredService<IHttpClientFactory>().CreateClient("orders");
        }

        public FakeTimeProvider Time { get; } = new(TestClock.Start);

        public CapturingHandler Wire { get; } = new();

        public RotatingCredentials Credentials { get; } = new();

        public async Task<HttpResponseMessage> SendAsync(HttpMethod method, HttpContent? content = null, CancellationToken cancellationToken = default)
        {
            Task<HttpResponseMessage> sending = _client.SendAsync(new HttpRequestMessage(method, Api) { Content = content }, cancellationToken);
            await Eventually.DriveAsync(sending, Time, TimeSpan.FromMilliseconds(50));
            return await sending;
        }

        public void Dispose()
        {
            _client.Dispose();
            _provider.Dispose();
        }
    }
}
