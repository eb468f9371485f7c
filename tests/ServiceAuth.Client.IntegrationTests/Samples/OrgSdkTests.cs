using System.Net;
using System.Text;
using Contoso.Orders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ServiceAuth.Client.Testing;

namespace ServiceAuth.Client.IntegrationTests.Samples;

public sealed class OrgSdkTests : IAsyncLifetime
{
    private LocalAwsEndpoint _aws = null!;
    private LocalUser _checkout = null!;

    public async Task InitializeAsync()
    {
        _aws = await LocalAwsEndpoint.StartAsync(new LocalAwsEndpointOptions { Region = ContosoOrdersDefaults.Region });
        _checkout = _aws.AddUser("checkout", "111111111111");
        _aws.AddRole(ContosoOrdersDefaults.RoleArn, trust => trust.AllowPrincipal(_checkout.Arn).RequireExternalId(ContosoOrdersDefaults.ExternalId));
        _aws.AddApi("GET", "/prod/orders/{id}", [ContosoOrdersDefaults.RoleArn], call => call.RouteValues["id"] == "o-1"
            ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"id\":\"o-1\",\"total\":12.5}", Encoding.UTF8, "application/json") }
            : new HttpResponseMessage(HttpStatusCode.NotFound));
    }

    public async Task DisposeAsync() => await _aws.DisposeAsync();

    [Fact]
    public async Task AddContosoOrders_CallsOrdersAsTheFixedRole()
    {
        using IHost host = Build(o =>
        {
            o.BaseAddress = new Uri(_aws.BaseAddress, "prod/");
            o.StsEndpoint = _aws.BaseAddress;
            o.Credentials = _checkout.ToAwsCredentials();
        });
        await host.StartAsync();
        IOrdersClient orders = host.Services.GetRequiredService<IOrdersClient>();

        Order? found = await orders.GetOrderAsync("o-1");
        Order? missing = await orders.GetOrderAsync("o-2");

        found.ShouldBe(new Order("o-1", 12.5m));
        missing.ShouldBeNull();
        _aws.StsAssumeRoleCallCount.ShouldBe(1);
        _aws.Requests.Where(r => r.Path.StartsWith("/prod/", StringComparison.Ordinal))
            .ShouldAllBe(r => r.CallerArn!.StartsWith("arn:aws:sts::222233334444:assumed-role/orders-caller/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddContosoOrders_PlainHttpOverride_FailsAtStartupNamingTheFix()
    {
        using IHost host = Build(o => o.BaseAddress = new Uri("http://orders.contoso.example/"));

        OptionsValidationException e = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());

        e.Message.ShouldContain("BaseAddress 'http://orders.contoso.example/' is plain http://");
    }

    private static IHost Build(Action<ContosoOrdersOptions> configure)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddContosoOrders(configure);
        return builder.Build();
    }
}
