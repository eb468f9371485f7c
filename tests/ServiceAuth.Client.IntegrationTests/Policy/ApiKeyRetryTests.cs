using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ServiceAuth.Client.IntegrationTests.Testing;
using ServiceAuth.Client.Testing;

namespace ServiceAuth.Client.IntegrationTests.Policy;

/// <summary>The library's retries and an API key working together: a signed client with <c>AddAwsRetries</c> is
/// throttled by the usage plan (429), waits, is signed afresh and gets through.</summary>
public sealed class ApiKeyRetryTests
{
    [Fact]
    public async Task SignedClientWithAwsRetries_ThrottledByTheUsagePlan_RetriesAndSucceeds()
    {
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using LocalAwsEndpoint endpoint = LocalAwsEndpoint.CreateInMemory(new LocalAwsEndpointOptions { TimeProvider = time });
        LocalUser caller = endpoint.AddUser("caller");
        endpoint.AddApi("GET", "/orders/{id}", caller.Arn);
        endpoint.RequireApiKey("GET", "/orders/{id}");
        string key = endpoint.AddUsagePlan(p => (p.RateLimit, p.BurstLimit) = (1, 1)).AddApiKey();
        var services = new ServiceCollection();
        services.AddSignedHttpClient("orders", o =>
            {
                (o.BaseAddress, o.Region, o.Service, o.AllowInsecureHttp) = (endpoint.BaseAddress, "us-east-1", "execute-api", true);
                o.Credentials = caller.ToAwsCredentials();
            })
            .ConfigureHttpClient(c => c.DefaultRequestHeaders.Add("x-api-key", key))
            .ConfigurePrimaryHttpMessageHandler(() => new SecondPassesOn429(endpoint.CreateHandler(), time))
            .AddAwsRetries(o => o.ThrottlingBaseDelay = TimeSpan.FromTicks(1));
        await using ServiceProvider provider = services.BuildServiceProvider();
        HttpClient client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("orders");

        using HttpResponseMessage first = await client.GetAsync("orders/1");
        using HttpResponseMessage second = await client.GetAsync("orders/2");

        await first.ShouldBeAllowedAsync(endpoint);
        await second.ShouldBeAllowedAsync(endpoint);
        endpoint.Requests.Select(r => $"{r.Path} {r.StatusCode} {r.ErrorCode}").ShouldBe(
            ["/orders/1 200 ", "/orders/2 429 TooManyRequestsException", "/orders/2 200 "]);
    }

    /// <summary>Lets a second of endpoint time pass after each 429, as the client's backoff would in production.</summary>
    private sealed class SecondPassesOn429(HttpMessageHandler inner, FakeTimeProvider time) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                time.Advance(TimeSpan.FromSeconds(1));
            }

            return response;
        }
    }
}
