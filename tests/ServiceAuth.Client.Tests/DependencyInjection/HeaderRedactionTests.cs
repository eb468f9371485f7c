using Microsoft.Extensions.Logging.Testing;
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
        (FakeLoggerProvider logs, CapturingHandler wire) = await SendAsync(_ => { });

        string all = string.Join('\n', logs.Collector.Lines());
        wire.Requests.ShouldHaveSingleItem().Header("Cookie").ShouldBe("session=COOKIE-SECRET");
        all.ShouldContain("Cookie");
        all.ShouldNotContain("COOKIE-SECRET");
        all.ShouldNotContain("BEARER-SECRET");
        all.ShouldNotContain("usage-plan-api-key-SECRET");
    }

    [Fact]
    public async Task UsersLaterRedactLoggedHeaders_DoesNotUnredactTheSignedClientsHeaders()
    {
        (FakeLoggerProvider logs, _) = await SendAsync(b => b.RedactLoggedHeaders(["Cookie"]));

        string all = string.Join('\n', logs.Collector.Lines());
        all.ShouldNotContain("COOKIE-SECRET");
        all.ShouldNotContain("usage-plan-api-key-SECRET");
        all.ShouldNotContain(TestCredentials.SessionToken[..40]);
        all.ShouldNotContain("Signature=");
    }

    [Fact]
    public async Task StructuredState_OfHttpClientsHeaderEvents_CarriesNoSecret()
    {
        (FakeLoggerProvider logs, _) = await SendAsync(_ => { });

        FakeLogRecord[] headerEvents = [.. logs.Collector.GetSnapshot().Where(r => r.Id.Id is 102 or 103 && r.Category!.StartsWith("System.Net.Http.HttpClient.orders.", StringComparison.Ordinal))];
        headerEvents.Length.ShouldBe(4); // request and response headers, around the pipeline and next to the primary handler
        string state = string.Join('\n', headerEvents.SelectMany(r => r.StructuredState!).Select(p => $"{p.Key}={p.Value}"));
        state.ShouldContain("Cookie=*");
        state.ShouldContain("x-api-key=*");
        state.ShouldNotContain("COOKIE-SECRET");
        state.ShouldNotContain("usage-plan-api-key-SECRET");
        state.ShouldNotContain(TestCredentials.SessionToken[..40]);
        state.ShouldNotContain("Signature=");
    }

    [Fact]
    public async Task LoggedUri_HasNoQuery_AndTheDefaultEventsKeepTheirCategoriesAndIds()
    {
        (FakeLoggerProvider logs, _) = await SendAsync(_ => { }, "orders?X-Amz-Security-Token=QUERY-SECRET&page=2");

        FakeLogRecord[] records = [.. logs.Collector.GetSnapshot()];
        records.ShouldContain(r => r.Category == "System.Net.Http.HttpClient.orders.LogicalHandler" && r.Id.Id == 100
            && r.Message == "Start processing HTTP request GET https://abc123.execute-api.eu-west-1.amazonaws.com/prod/orders?*");
        records.ShouldContain(r => r.Category == "System.Net.Http.HttpClient.orders.ClientHandler" && r.Id.Id == 100
            && r.Message == "Sending HTTP request GET https://abc123.execute-api.eu-west-1.amazonaws.com/prod/orders?*");
        records.ShouldContain(r => r.Category == "System.Net.Http.HttpClient.orders.ClientHandler" && r.Id.Id == 101);
        records.ShouldContain(r => r.Category == "System.Net.Http.HttpClient.orders.LogicalHandler" && r.Id.Id == 101);
        string.Join('\n', logs.Collector.Lines()).ShouldNotContain("QUERY-SECRET");
    }

    private static async Task<(FakeLoggerProvider, CapturingHandler)> SendAsync(Action<IHttpClientBuilder> userConfiguration, string path = "orders")
    {
        var logs = new FakeLoggerProvider();
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
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", "session=COOKIE-SECRET");
        request.Headers.Add("X-Upstream-Authorization", "Bearer BEARER-SECRET");
        request.Headers.Add("x-api-key", "usage-plan-api-key-SECRET");
        await provider.GetRequiredService<IHttpClientFactory>().CreateClient("orders").SendAsync(request);
        return (logs, wire);
    }
}
