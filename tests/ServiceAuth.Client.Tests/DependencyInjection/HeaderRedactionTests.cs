using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServiceAuth.Client.Tests.Support;

namespace ServiceAuth.Client.Tests.DependencyInjection;

/// <summary>Issue 9 item 5: the signed client's redaction composes with HttpClient's rule (every value redacted by
/// default) and with a user's own <c>RedactLoggedHeaders</c>, whatever the order.</summary>
public sealed class HeaderRedactionTests
{
    [Fact]
    public async Task CookieAndCustomBearer_AreRedactedAtTrace_AsHttpClientDoesByDefault()
    {
        (CollectingLoggerProvider logs, CapturingHandler wire) = await SendAsync(_ => { });

        string all = string.Join('\n', logs.Lines);
        wire.Requests.ShouldHaveSingleItem().Header("Cookie").ShouldBe("session=COOKIE-SECRET");
        all.ShouldContain("Cookie");
        all.ShouldNotContain("COOKIE-SECRET");
        all.ShouldNotContain("BEARER-SECRET");
        all.ShouldNotContain("usage-plan-api-key-SECRET");
    }

    [Fact]
    public async Task UsersLaterRedactLoggedHeaders_DoesNotUnredactTheSignedClientsHeaders()
    {
        (CollectingLoggerProvider logs, _) = await SendAsync(b => b.RedactLoggedHeaders(["Cookie"]));

        string all = string.Join('\n', logs.Lines);
        all.ShouldNotContain("COOKIE-SECRET");
        all.ShouldNotContain("usage-plan-api-key-SECRET");
        all.ShouldNotContain(TestCredentials.SessionToken[..40]);
        all.ShouldNotContain("Signature=");
    }

    private static async Task<(CollectingLoggerProvider, CapturingHandler)> SendAsync(Action<IHttpClientBuilder> userConfiguration)
    {
        var logs = new CollectingLoggerProvider();
        var wire = new CapturingHandler();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        IHttpClientBuilder builder = services.AddSignedHttpClient("orders", o =>
            {
                o.BaseAddress = new Uri("https://abc123.execute-api.eu-west-1.amazonaws.com/prod/");
                o.Credentials = TestCredentials.Session();
                o.ApiKey = "usage-plan-api-key-SECRET";
            })
            .ConfigurePrimaryHttpMessageHandler(() => wire);
        userConfiguration(builder);
        using ServiceProvider provider = services.BuildServiceProvider();
        using var request = new HttpRequestMessage(HttpMethod.Get, "orders");
        request.Headers.Add("Cookie", "session=COOKIE-SECRET");
        request.Headers.Add("X-Upstream-Authorization", "Bearer BEARER-SECRET");
        request.Headers.Add("x-api-key", "usage-plan-api-key-SECRET");
        await provider.GetRequiredService<IHttpClientFactory>().CreateClient("orders").SendAsync(request);
        return (logs, wire);
    }
}
