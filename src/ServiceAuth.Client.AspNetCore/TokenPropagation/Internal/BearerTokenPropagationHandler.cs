using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using ServiceAuth.Client.IdentityTokens;

namespace ServiceAuth.Client.AspNetCore.TokenPropagation.Internal;

/// <summary>
/// Copies the inbound request's <c>Authorization: Bearer</c> header onto outgoing requests to allowed hosts (over https,
/// or loopback). A request that already has an <c>Authorization</c> header keeps it. An IAM identity token
/// (<c>sa-iam-v1.</c>) is never forwarded: it is bound to this service's audience, and the next host could replay it here.
/// A refusal is logged with the host, never the token.
/// </summary>
internal sealed class BearerTokenPropagationHandler : DelegatingHandler
{
    private const string BearerPrefix = "Bearer ";
    private readonly IHttpContextAccessor _accessor;
    private readonly BearerTokenPropagationOptions _options;
    private readonly ILogger _logger;

    public BearerTokenPropagationHandler(IHttpContextAccessor accessor, BearerTokenPropagationOptions options, ILogger logger)
    {
        _accessor = accessor;
        _options = options;
        _logger = logger;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Propagate(request);
        return base.SendAsync(request, cancellationToken);
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Propagate(request);
        return base.Send(request, cancellationToken);
    }

    private void Propagate(HttpRequestMessage request)
    {
        if (request.Headers.Authorization is not null || request.RequestUri is not { IsAbsoluteUri: true } uri)
        {
            return;
        }

        StringValues inbound = _accessor.HttpContext?.Request.Headers[HeaderNames.Authorization] ?? StringValues.Empty;
        if (inbound.Count != 1 || inbound[0] is not { } value || !value.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            PropagationLog.NoInboundToken(_logger, uri.Host);
            return;
        }

        if (value.AsSpan(BearerPrefix.Length).TrimStart(' ').StartsWith(IamIdentityTokenFormat.Prefix, StringComparison.OrdinalIgnoreCase))
        {
            PropagationLog.IdentityTokenNotForwarded(_logger, uri.Host);
            return;
        }

        if (!HostAllowList.IsAllowed(_options.AllowedHosts, uri.Host))
        {
            PropagationLog.HostNotAllowed(_logger, uri.Host);
            return;
        }

        if (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback && !_options.AllowInsecureHttp)
        {
            PropagationLog.InsecureScheme(_logger, uri.Host);
            return;
        }

        request.Headers.TryAddWithoutValidation(HeaderNames.Authorization, value);
    }
}
