using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using ServiceAuth.Client.Credentials;

namespace ServiceAuth.Client.Tests.Faults.Loopback;

/// <summary>
/// The fault suite's world with nothing internal: <c>AddSignedHttpClient</c> + <c>AssumeRole</c>, the AWS SDK's real STS
/// client sent to a <see cref="LoopbackSts"/> through <c>ConfigureStsClient</c> (<c>ServiceURL</c>), a scripted target as
/// the primary handler, a fake clock, and every log line at Trace.
/// </summary>
public sealed class LoopbackStsRig : IDisposable
{
    public const string RoleArn = "arn:aws:iam::222233334444:role/orders-caller";

    private readonly ServiceProvider _provider;

    public LoopbackStsRig()
    {
        Sts = new LoopbackSts(Time);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        services.ConfigureStsClient(c => c.ServiceURL = Sts.Url.AbsoluteUri);
        services.AddSignedHttpClient("orders", o =>
        {
            o.BaseAddress = new Uri("https://abc123.execute-api.eu-west-1.amazonaws.com/prod/");
            o.Credentials = new BasicAWSCredentials("AKIASOURCE0000000000", "source-secret-KEY");
            o.AssumeRole = new AssumeRoleOptions { RoleArn = RoleArn, RoleSessionName = "orders-api" };
        }).ConfigurePrimaryHttpMessageHandler(() => Target);
        _provider = services.BuildServiceProvider();
        Client = _provider.GetRequiredService<IHttpClientFactory>().CreateClient("orders");
    }

    public FakeTimeProvider Time { get; } = new(TestClock.Start);

    public LoopbackSts Sts { get; }

    public CapturingHandler Target { get; } = new();

    public FakeLoggerProvider Logs { get; } = new();

    public HttpClient Client { get; }

    public Task<HttpResponseMessage> GetAsync(CancellationToken cancellationToken = default) => Client.GetAsync("orders/1", cancellationToken);

    public void Dispose()
    {
        Client.Dispose();
        _provider.Dispose();
        Sts.Dispose();
    }
}
