using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ServiceAuth.Client.ClientCredentials;

namespace ServiceAuth.Client.IntegrationTests.Testing;

/// <summary>AddClientCredentialsToken against the local Cognito pool on Kestrel, calling a JWT-authorized route.</summary>
public sealed class ClientCredentialsEndToEndTests
{
    [Fact]
    public async Task ManyCalls_OneTokenRequest_AndARetiredSigningKeyIsRecoveredByOneRefetch()
    {
        await using CognitoFixture f = await CognitoFixture.CreateAsync(inMemory: false);
        f.Endpoint.AddJwtApi("GET", "/orders/{id}", f.Pool, [f.Reader.ClientId], ["orders/read"]);
        using ServiceProvider provider = Services(f, "orders/read").BuildServiceProvider();
        HttpClient client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("orders");

        HttpResponseMessage[] first = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => client.GetAsync(new Uri($"orders/{i}", UriKind.Relative))));
        f.Pool.RotateSigningKey(retirePrevious: true);
        using HttpResponseMessage afterRotation = await client.GetAsync(new Uri("orders/1", UriKind.Relative));

        first.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        afterRotation.StatusCode.ShouldBe(HttpStatusCode.OK);
        f.Pool.TokenRequestCount.ShouldBe(2, "one for the first token, one after the target refused it as invalid_token");
    }

    [Fact]
    public async Task TokenLackingTheRouteScope_Is403AndTheTokenIsKept()
    {
        await using CognitoFixture f = await CognitoFixture.CreateAsync(inMemory: false);
        f.Endpoint.AddJwtApi("POST", "/orders", f.Pool, [f.Reader.ClientId], ["orders/write"]);
        using ServiceProvider provider = Services(f, "orders/read").BuildServiceProvider();
        HttpClient client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("orders");

        using HttpResponseMessage response = await client.PostAsync(new Uri("orders", UriKind.Relative), new StringContent("{}"));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        f.Pool.TokenRequestCount.ShouldBe(1);
    }

    [Fact]
    public async Task ScopeTheClientMayNotHave_FailsWithInvalidScopeAndTheFix()
    {
        await using CognitoFixture f = await CognitoFixture.CreateAsync(inMemory: false);
        using ServiceProvider provider = Services(f, "orders/write").BuildServiceProvider();
        HttpClient client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("orders");

        TokenUnavailableException e = await Should.ThrowAsync<TokenUnavailableException>(() => client.GetAsync(new Uri("orders/1", UriKind.Relative)));

        e.Error.ShouldBe("invalid_scope");
        e.Message.ShouldContain("Check Scopes ('orders/write')");
    }

    private static ServiceCollection Services(CognitoFixture f, string scope)
    {
        var services = new ServiceCollection();
        services.AddHttpClient("orders", c => c.BaseAddress = f.Endpoint.BaseAddress).AddClientCredentialsToken(o =>
        {
            o.TokenEndpoint = f.Pool.TokenEndpoint;
            o.ClientId = f.Reader.ClientId;
            o.ClientSecret = f.Reader.ClientSecret;
            o.Scopes.Add(scope);
        });
        return services;
    }
}
