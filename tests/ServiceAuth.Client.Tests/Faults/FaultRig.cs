using System.Globalization;
using System.Net;
using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using ServiceAuth.Client.Credentials;
using ServiceAuth.Client.Credentials.Internal;
using ServiceAuth.Client.Tests.Support;

namespace ServiceAuth.Client.Tests.Faults;

/// <summary>
/// The fault suite's world: one signed client registered with <c>AddSignedHttpClient</c> and <c>AssumeRole</c> (public
/// API), a scripted STS (AWSSDK's STS client interface, answered by <see cref="FakeSts"/>), a scripted target (the primary
/// handler), a fake clock, and every log line at Trace.
/// </summary>
public sealed class FaultRig : IDisposable
{
    public const string RoleArn = "arn:aws:iam::222233334444:role/orders-caller";
    public const string ApiKey = "usage-plan-api-key-SECRET";
    public const string Cookie = "session=COOKIE-SECRET";
    public static readonly Uri Api = new("https://abc123.execute-api.eu-west-1.amazonaws.com/prod/");

    private readonly ServiceProvider _provider;

    public FaultRig(int durationSeconds = 3600)
    {
        Sts = new FakeSts(Time) { Lifetime = TimeSpan.FromSeconds(durationSeconds) };
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton<IStsClientFactory>(Sts);
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        services.AddSignedHttpClient("orders", o =>
        {
            o.BaseAddress = Api;
            o.Credentials = Source;
            o.ApiKey = ApiKey;
            o.AssumeRole = new AssumeRoleOptions { RoleArn = RoleArn, RoleSessionName = "orders-api", DurationSeconds = durationSeconds };
        }).ConfigurePrimaryHttpMessageHandler(() => Target);
        _provider = services.BuildServiceProvider();
        Client = _provider.GetRequiredService<IHttpClientFactory>().CreateClient("orders");
    }

    public static BasicAWSCredentials Source { get; } = new("AKIASOURCE0000000000", "source-secret-KEY");

    public FakeTimeProvider Time { get; } = new(TestClock.Start);

    public FakeSts Sts { get; }

    public CapturingHandler Target { get; } = new();

    public FakeLoggerProvider Logs { get; } = new();

    public HttpClient Client { get; }

    /// <summary>Whether a refresh has started (event 204) and not yet ended (200 assumed, 202/203 failed), read from the
    /// logs as an operator would.</summary>
    public bool RefreshInFlight
    {
        get
        {
            string[] lines = [.. Logs.Collector.Lines()];
            int Count(string id) => lines.Count(l => l.Contains(id, StringComparison.Ordinal));
            return Count("[204]") > Count("[200]") + Count("[202]") + Count("[203]");
        }
    }

    /// <summary>Moves fake time in small steps until no refresh is in flight (its retry delays run on fake time).</summary>
    public async Task SettleAsync()
    {
        for (int i = 0; i < 10_000 && RefreshInFlight; i++)
        {
            Time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Yield();
            Thread.Yield();
        }

        RefreshInFlight.ShouldBeFalse("a refresh never ended");
    }

    /// <summary>A GET with a cookie, as an application would send it.</summary>
    public Task<HttpResponseMessage> GetAsync(CancellationToken cancellationToken = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "orders/1");
        request.Headers.Add("Cookie", Cookie);
        return Client.SendAsync(request, cancellationToken);
    }

    /// <summary>A target whose clock is <paramref name="ahead"/> of ours and that refuses requests more than 5 minutes off.</summary>
    public void TargetClockAhead(TimeSpan ahead) => Target.Respond = (request, _) =>
    {
        DateTimeOffset server = Time.GetUtcNow() + ahead;
        DateTimeOffset signed = DateTimeOffset.ParseExact(request.AmzDate!, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        return (server - signed).Duration() > TimeSpan.FromMinutes(5)
            ? CapturingHandler.Error(HttpStatusCode.Forbidden, "RequestTimeTooSkewed", server)
            : new HttpResponseMessage(HttpStatusCode.OK);
    };

    public void Dispose()
    {
        Client.Dispose();
        _provider.Dispose();
    }
}
