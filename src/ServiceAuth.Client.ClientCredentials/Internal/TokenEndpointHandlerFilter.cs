using Microsoft.Extensions.Http;
using ServiceAuth.Client.Protocol.Internal;

namespace ServiceAuth.Client.ClientCredentials.Internal;

/// <summary>
/// Turns automatic redirects off on the token endpoint client's primary handler after every other configuration has run
/// (whatever primary handler the application set): a 307/308 from the token endpoint must not re-send the client secret
/// to the redirect's target. A handler that follows redirects and cannot be changed is refused.
/// </summary>
internal sealed class TokenEndpointHandlerFilter : IHttpMessageHandlerBuilderFilter
{
    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        if (builder.Name == TokenEndpointClient.HttpClientName && AutoRedirect.TurnOff(builder.PrimaryHandler) == false)
        {
            throw new ServiceAuthException(
                $"The primary handler of HttpClient '{TokenEndpointClient.HttpClientName}' follows redirects and was already used, so they cannot be turned off: give it a handler of its own with AllowAutoRedirect = false.");
        }
    };
}
