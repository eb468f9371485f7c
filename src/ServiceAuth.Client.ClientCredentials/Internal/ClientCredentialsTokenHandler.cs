using System.Net;
using Microsoft.Extensions.Logging;
using ServiceAuth.Client.Diagnostics;
using ServiceAuth.Client.Protocol.Internal;

namespace ServiceAuth.Client.ClientCredentials.Internal;

/// <summary>
/// Puts the cached access token in every request's <c>Authorization: Bearer</c> header. When the target answers 401 with
/// <c>WWW-Authenticate: Bearer error="invalid_token"</c>, the token is dropped (rate-limited) and, when the body can be
/// sent again (none, or in memory), the request is sent once more with a fresh token.
/// </summary>
internal sealed class ClientCredentialsTokenHandler : DelegatingHandler
{
    private readonly TokenEntry _entry;
    private readonly bool _allowInsecureHttp;
    private readonly ILogger _logger;
    private readonly TokenMetrics _metrics;

    public ClientCredentialsTokenHandler(TokenEntry entry, bool allowInsecureHttp, ILogger logger, TokenMetrics? metrics = null)
    {
        _metrics = metrics ?? TokenMetrics.Shared;
        _entry = entry;
        _allowInsecureHttp = allowInsecureHttp;
        _logger = logger;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        EnsureSecureTarget(request);
        AccessToken token = await _entry.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = token.Header;
        HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!ShouldResend(request, response, token))
        {
            return response;
        }

        response.Dispose();
        token = await _entry.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = token.Header;
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        EnsureSecureTarget(request);
        AccessToken token = _entry.GetTokenAsync(cancellationToken).AsTask().GetAwaiter().GetResult();
        request.Headers.Authorization = token.Header;
        HttpResponseMessage response = base.Send(request, cancellationToken);
        if (!ShouldResend(request, response, token))
        {
            return response;
        }

        response.Dispose();
        request.Headers.Authorization = _entry.GetTokenAsync(cancellationToken).AsTask().GetAwaiter().GetResult().Header;
        return base.Send(request, cancellationToken);
    }

    private bool ShouldResend(HttpRequestMessage request, HttpResponseMessage response, AccessToken used)
    {
        if (response.StatusCode != HttpStatusCode.Unauthorized || !BearerChallenge.IsInvalidToken(response.Headers.WwwAuthenticate))
        {
            return false;
        }

        string target = request.RequestUri!.GetLeftPart(UriPartial.Path);
        Log.TokenRejected(_logger, target, _entry.Description);
        if (!_entry.Invalidate(used))
        {
            return false;
        }

        if (!ReplayableContent.IsReplayable(request))
        {
            Log.TokenResendNotPossible(_logger, target, request.Content!.GetType().Name);
            return false;
        }

        _metrics.Resent();
        return true;
    }

    private void EnsureSecureTarget(HttpRequestMessage request)
    {
        if (request.RequestUri is { IsAbsoluteUri: true } uri && uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback && !_allowInsecureHttp)
        {
            throw new ServiceAuthException(
                $"Refusing to send the access token of {_entry.Description} to {uri.GetLeftPart(UriPartial.Authority)} over plain http://; use https:// or set AllowInsecureHttp.");
        }
    }
}
