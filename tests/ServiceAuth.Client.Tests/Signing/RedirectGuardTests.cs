using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using ServiceAuth.Client.Tests.Support;

namespace ServiceAuth.Client.Tests.Signing;

/// <summary>Issue 9 item 14: with a primary handler the redirect guard does not know, a warning is logged once per
/// client; a delegating wrapper around a known handler is looked through.</summary>
public sealed class RedirectGuardTests
{
    [Fact]
    public void UnknownPrimaryHandler_WarnsOncePerClient()
    {
        var logs = new FakeLoggerProvider();
        using ServiceProvider provider = Build(logs, () => new CapturingHandler());
        IHttpMessageHandlerBuilderFilter[] filters = [.. provider.GetServices<IHttpMessageHandlerBuilderFilter>()];

        // The factory builds a client's pipeline again every handler lifetime: twice here.
        for (int i = 0; i < 2; i++)
        {
            var builder = new TestBuilder { Name = "orders", PrimaryHandler = new CapturingHandler() };
            filters.Aggregate((Action<HttpMessageHandlerBuilder>)(_ => { }), (next, f) => f.Configure(next))(builder);
        }

        logs.Collector.Lines().Count(l => l.Contains("[105]", StringComparison.Ordinal)).ShouldBe(1);
        logs.Collector.Lines().Single(l => l.Contains("[105]", StringComparison.Ordinal)).ShouldContain("CapturingHandler");
    }

    [Fact]
    public void DelegatingWrapperAroundSocketsHttpHandler_RedirectsAreTurnedOffInside()
    {
        var inner = new SocketsHttpHandler();
        using ServiceProvider provider = Build(new FakeLoggerProvider(), () => new PassThrough { InnerHandler = inner });

        provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler("orders");

        inner.AllowAutoRedirect.ShouldBeFalse();
    }

    private static ServiceProvider Build(FakeLoggerProvider logs, Func<HttpMessageHandler> primary)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddSignedHttpClient("orders", o =>
        {
            o.BaseAddress = new Uri("https://abc123.execute-api.eu-west-1.amazonaws.com/prod/");
            o.Credentials = TestCredentials.Session();
        }).ConfigurePrimaryHttpMessageHandler(primary).SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        return services.BuildServiceProvider();
    }

    private sealed class PassThrough : DelegatingHandler;

    private sealed class TestBuilder : HttpMessageHandlerBuilder
    {
        public override string? Name { get; set; }

        public override HttpMessageHandler PrimaryHandler { get; set; } = null!;

        public override IList<DelegatingHandler> AdditionalHandlers { get; } = [];

        public override HttpMessageHandler Build() => CreateHandlerPipeline(PrimaryHandler, AdditionalHandlers);
    }
}
