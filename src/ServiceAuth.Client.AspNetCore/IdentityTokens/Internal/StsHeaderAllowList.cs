using ServiceAuth.Client.IdentityTokens;

namespace ServiceAuth.Client.AspNetCore.IdentityTokens.Internal;

/// <summary>
/// The STS HttpClient's primary handler: removes every request header but <c>Accept</c>, <c>Host</c> and the audience
/// and challenge headers before the request leaves (a handler the application adds to every client, such as header
/// propagation, cannot forward inbound headers to STS), around a <see cref="SocketsHttpHandler"/> that injects no trace
/// context headers.
/// </summary>
internal sealed class StsHeaderAllowList(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private static readonly string[] Allowed = ["Accept", "Host", IamIdentityTokenFormat.AudienceHeader, IamIdentityTokenFormat.ChallengeHeader];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Strip(request);
        return base.SendAsync(request, cancellationToken);
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Strip(request);
        return base.Send(request, cancellationToken);
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
