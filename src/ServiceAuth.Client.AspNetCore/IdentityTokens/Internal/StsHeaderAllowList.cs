using System.Diagnostics;
using ServiceAuth.Client.IdentityTokens;

namespace ServiceAuth.Client.AspNetCore.IdentityTokens.Internal;

/// <summary>
/// The STS HttpClient's innermost handler, next to its primary handler whatever that is (<see cref="StsHttpClientFilter"/>
/// puts it there after every handler the application configured): removes every request header but <c>Accept</c>,
/// <c>Host</c> and the audience and challenge headers before the request leaves (a handler the application adds to
/// every client, such as header propagation, cannot forward inbound headers to STS), and sends it with no ambient
/// <see cref="Activity"/>, so that no primary handler can propagate the inbound request's trace context or baggage
/// (the default one injects no trace headers at all; one the application put in its place starts a new trace at most).
/// </summary>
internal sealed class StsHeaderAllowList : DelegatingHandler
{
    private static readonly string[] Allowed = ["Accept", "Host", IamIdentityTokenFormat.AudienceHeader, IamIdentityTokenFormat.ChallengeHeader];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Strip(request);

        // Cleared for this call only: an async method's change to Activity.Current does not flow back to its caller.
        Activity.Current = null;
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Strip(request);
        Activity? ambient = Activity.Current;
        Activity.Current = null;
        try
        {
            return base.Send(request, cancellationToken);
        }
        finally
        {
            Activity.Current = ambient;
        }
    }

    private static void Strip(HttpRequestMessage request)
    {
        List<string>? extra = null;
        foreach (KeyValuePair<string, IEnumerable<string>> header in request.Headers)
        {
            if (Array.FindIndex(Allowed, a => a.Equals(header.Key, StringComparison.OrdinalIgnoreCase)) < 0)
            {
                (extra ??= []).Add(header.Key);
            }
        }

        foreach (string name in extra ?? [])
        {
            request.Headers.Remove(name);
        }
    }
}
