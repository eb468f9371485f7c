using Microsoft.Extensions.DependencyInjection;
using ServiceAuth.Client;

namespace Contoso.Orders;

/// <summary>How a platform team wraps ServiceAuth.Client: one call that fixes role, region and endpoint for every team.</summary>
public static class ContosoOrdersServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IOrdersClient"/>, signed as the Orders role (assumed through STS with Contoso's external
    /// id), with AWS-aware retries outside the signer.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Optional overrides for tests and other stages.</param>
    /// <returns>The client builder, for further configuration.</returns>
    public static IHttpClientBuilder AddContosoOrders(this IServiceCollection services, Action<ContosoOrdersOptions>? configure = null)
    {
        var contoso = new ContosoOrdersOptions();
        configure?.Invoke(contoso);
        return services
            .AddSignedHttpClient<IOrdersClient, OrdersClient>(o =>
            {
                o.BaseAddress = contoso.BaseAddress;
                o.Region = ContosoOrdersDefaults.Region;
                o.Service = "execute-api";
                o.Credentials = contoso.Credentials;
                o.AssumeRole = new()
                {
                    RoleArn = ContosoOrdersDefaults.RoleArn,
                    ExternalId = ContosoOrdersDefaults.ExternalId,
                    StsEndpoint = contoso.StsEndpoint,
                };
            })
            .AddAwsRetries();
    }
}
