using System.Text;

namespace ServiceAuth.Client.Testing.Internal.Sns.Subscriptions;

/// <summary>
/// What SNS serves without a signature: the signing certificate at its <c>SigningCertURL</c>, and the
/// <c>SubscribeURL</c>/<c>UnsubscribeURL</c> links (GET <c>/?Action=ConfirmSubscription|Unsubscribe&amp;…</c>).
/// </summary>
internal static class UnsignedRoutes
{
    public static WireResponse? TryHandle(EndpointState state, WireRequest request, Dictionary<string, string>? form, string? action, string requestId)
    {
        if (request.Method == "GET" && request.RawPath == EnvelopeSigner.Path)
        {
            return new WireResponse(200, "application/x-pem-file", Encoding.ASCII.GetBytes(state.Subscriptions.Signer.Pem));
        }

        bool unsigned = request.Method == "GET" && form is not null && !form.ContainsKey("X-Amz-Signature") && request.Get("Authorization") is null;
        return unsigned && action is "ConfirmSubscription" or "Unsubscribe"
            ? SubscriptionHandler.Handle(state, action, form!, null, requestId)
            : null;
    }
}
