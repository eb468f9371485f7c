using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ServiceAuth.Client.AspNetCore.SnsSubscriptions.Internal;
using ServiceAuth.Client.SnsMessages;

namespace ServiceAuth.Client;

/// <summary>Maps an endpoint for SNS HTTPS subscriptions, verified with the <see cref="ISnsMessageVerifier"/> that
/// <c>AddSnsMessageVerifier</c> registers (its allowed topics are the ones confirmed and accepted).</summary>
public static class SnsSubscriptionEndpointRouteBuilderExtensions
{
    /// <summary>Maps <c>POST</c> <paramref name="pattern"/> as an SNS HTTPS subscription endpoint: every envelope is
    /// verified; a SubscriptionConfirmation of an allowed topic is confirmed; a verified Notification is passed to
    /// <paramref name="onNotification"/> and answered 200; anything refused is answered 400 (413 when too large) with the reason.</summary>
    /// <param name="endpoints">The <see cref="IEndpointRouteBuilder"/>.</param>
    /// <param name="pattern">The route pattern, for example <c>/sns/orders</c>.</param>
    /// <param name="onNotification">Handles a verified notification; read it with <see cref="VerifiedSnsMessage.ReadMessage{T}"/>.
    /// An exception it throws becomes a 5xx, and SNS delivers the message again.</param>
    /// <returns>The <see cref="IEndpointConventionBuilder"/> of the endpoint.</returns>
    public static IEndpointConventionBuilder MapSnsSubscription(this IEndpointRouteBuilder endpoints, string pattern, Func<VerifiedSnsMessage, HttpContext, Task> onNotification)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        ArgumentNullException.ThrowIfNull(onNotification);
        var endpoint = new SnsSubscriptionEndpoint(onNotification);
        return endpoints.MapPost(pattern, (RequestDelegate)endpoint.HandleAsync);
    }
}
