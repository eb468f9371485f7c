using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using ServiceAuth.Client.Diagnostics;

namespace ServiceAuth.Client.IdentityTokens.Internal;

/// <summary>
/// Attaches <c>Authorization: Bearer sa-iam-v1.…</c> to every request. A 401 drops the cached token. When the callee
/// requires challenge binding, its 401 carries <c>WWW-Authenticate: Bearer sa_challenge="…"</c>: the request is sent
/// once more with a token bound to that challenge, if its body can be sent again (none, or in memory).
/// </summary>
internal sealed class IamIdentityTokenHandler(IamIdentityTokenProvider provider, ILogger logger, IReadOnlySet<string>? tokenHosts = null) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        CheckTransport(request);
        IamIdentityToken token = await provider.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        Attach(request, token);
        HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        provider.Invalidate(token);
        if (ChallengeOf(response) is not { } challenge || !IsReplayable(request.Content))
        {
            return response;
        }

        response.Dispose();
        Attach(request, await provider.GetChallengeTokenAsync(challenge, cancellationToken).ConfigureAwait(false));
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        CheckTransport(request);
        IamIdentityToken token = provider.GetToken(cancellationToken);
        Attach(request, token);
        HttpResponseMessage response = base.Send(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            provider.Invalidate(token);
        }

        return response;
    }

    private static void Attach(HttpRequestMessage request, IamIdentityToken token) =>
        request.Headers.Authorization = new AuthenticationHeaderValue(IamIdentityTokenFormat.AuthorizationScheme, token.Value);

    private static bool IsReplayable(HttpContent? content) => content is null or ByteArrayContent or ReadOnlyMemoryContent;

    private static string? ChallengeOf(HttpResponseMessage response)
    {
        foreach (AuthenticationHeaderValue value in response.Headers.WwwAuthenticate)
        {
            if (value.Scheme.Equals(IamIdentityTokenFormat.AuthorizationScheme, StringComparison.OrdinalIgnoreCase)
                && WwwAuthenticate.Parameter(value.Parameter, IamIdentityTokenFormat.ChallengeParameter) is { } challenge
                && IdentityTokenText.IsValidChallenge(challenge))
            {
                return challenge;
            }
        }

        return null;
    }

    private void CheckTransport(HttpRequestMessage request)
    {
        if (tokenHosts is not null && request.RequestUri is { IsAbsoluteUri: true } target && !tokenHosts.Contains(target.IdnHost))
        {
            throw new ServiceAuthException(tokenHosts.Count == 0
                ? $"IAM identity token client '{provider.Settings.ClientName}': refusing to send a token to '{target.Host}': this client has no host bound at startup, so it sends tokens to none (a BaseAddress set on the HttpClient in a typed client's constructor is not seen by the handler). Set the HttpClient's BaseAddress with ConfigureHttpClient, or name the hosts in IamIdentityTokenOptions.AdditionalHosts."
                : $"IAM identity token client '{provider.Settings.ClientName}': refusing to send a token to '{target.Host}': this client sends tokens only to the hosts bound at startup (its BaseAddress host and AdditionalHosts). Add the host to IamIdentityTokenOptions.AdditionalHosts if it should receive them.");
        }

        if (request.RequestUri is { IsAbsoluteUri: true } uri && uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback && !provider.Settings.AllowInsecureHttp)
        {
            Log.IdentityTokenRefusedInsecure(logger, provider.Settings.ClientName, uri.Host);
            throw new ServiceAuthException(
                $"IAM identity token client '{provider.Settings.ClientName}': refusing to send a token over plain {uri.Scheme}:// to '{uri.Host}'. Use https://, or set AllowInsecureHttp = true for a trusted network.");
        }
    }
}
