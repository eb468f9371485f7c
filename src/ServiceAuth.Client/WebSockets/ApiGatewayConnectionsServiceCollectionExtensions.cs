using Microsoft.Extensions.DependencyInjection;
using ServiceAuth.Client.WebSockets;

namespace ServiceAuth.Client;

/// <summary>Registers the API Gateway WebSocket <c>@connections</c> management client.</summary>
public static class ApiGatewayConnectionsServiceCollectionExtensions
{
    /// <summary>Adds <see cref="ApiGatewayConnections"/> as a typed, SigV4-signed client. Set
    /// <see cref="SignedHttpClientOptions.BaseAddress"/> to the stage URL
    /// (<c>https://abc123.execute-api.eu-west-1.amazonaws.com/prod/</c>, region and service inferred), and
    /// <see cref="SignedHttpClientOptions.AssumeRole"/> to share the assume-role cache of every other signed client.</summary>
    /// <param name="services">The <see cref="IServiceCollection"/>.</param>
    /// <param name="configure">A delegate that configures the <see cref="SignedHttpClientOptions"/>.</param>
    /// <returns>The <see cref="IHttpClientBuilder"/> of the client.</returns>
    public static IHttpClientBuilder AddApiGatewayConnections(this IServiceCollection services, Action<SignedHttpClientOptions> configure) =>
        services.AddSignedHttpClient<ApiGatewayConnections>(configure);
}
