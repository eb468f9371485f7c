using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ServiceAuth.Client;
using ServiceAuth.Client.Testing;
using Xunit;

namespace ServiceAuth.Client.IntegrationTests.Docs;

// docs/testing.md, "A complete xunit example": this file is that example, compiled and run with the tests.
public sealed class OrdersClientTests : IAsyncLifetime
{
    private const string RoleC = "arn:aws:iam::222222222222:role/orders-caller";
    private LocalAwsEndpoint _endpoint = null!;
    private LocalUser _serviceA = null!;
    private LocalUser _serviceB = null!;

    public async Task InitializeAsync()
    {
        _endpoint = await LocalAwsEndpoint.StartAsync();
        _serviceA = _endpoint.AddUser("service-a");
        _serviceB = _endpoint.AddUser("service-b");
        _endpoint.AddRole(RoleC, trust => trust.AllowPrincipal(_serviceA.Arn).RequireExternalId("orders"));
        _endpoint.AddApi("GET", "/orders/{id}", RoleC);   // service C's resource policy: only its own role
    }

    public async Task DisposeAsync() => await _endpoint.DisposeAsync();

    [Fact]
    public async Task ServiceA_AssumesRoleC_AndIsAccepted()
    {
        using ServiceProvider provider = Build(_serviceA);

        using HttpResponseMessage response = await Orders(provider).GetAsync("orders/42");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, _endpoint.StsAssumeRoleCallCount);
        Assert.Contains(_endpoint.Requests, r => r.Path == "/orders/42" && r.CallerArn!.StartsWith("arn:aws:sts::222222222222:assumed-role/orders-caller/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ServiceB_IsNotTrustedByRoleC()
    {
        using ServiceProvider provider = Build(_serviceB);

        var e = await Assert.ThrowsAsync<ServiceAuth.Client.Credentials.CredentialsUnavailableException>(() => Orders(provider).GetAsync("orders/42"));

        Assert.Equal("AccessDenied", e.StsErrorCode);
    }

    private ServiceProvider Build(LocalUser caller)
    {
        var services = new ServiceCollection();
        services.AddSignedHttpClient("orders", o =>
        {
            o.BaseAddress = _endpoint.BaseAddress;
            o.Region = "us-east-1";
            o.Service = "execute-api";
            o.Credentials = caller.ToAwsCredentials();             // the caller's own identity
            o.AssumeRole = new() { RoleArn = RoleC, ExternalId = "orders", StsEndpoint = _endpoint.BaseAddress };
        });
        // In memory instead of over a socket: .ConfigurePrimaryHttpMessageHandler(() => _endpoint.CreateHandler());
        return services.BuildServiceProvider();
    }

    private static HttpClient Orders(ServiceProvider provider) =>
        provider.GetRequiredService<IHttpClientFactory>().CreateClient("orders");
}
