using System.Diagnostics;
using Duende.IdentityModel.Client;
using Microsoft.Extensions.Logging;
using ServiceAuth.Client.Diagnostics;

namespace ServiceAuth.Client.ClientCredentials.Internal;

/// <summary>
/// Sends one client-credentials token request with Duende.IdentityModel (which builds the request, authenticates the
/// client and parses the OAuth error answer) and turns a refusal into a <see cref="TokenUnavailableException"/> that
/// names the fix. Every request is counted, because Amazon Cognito bills machine-to-machine token requests.
/// </summary>
internal sealed class TokenEndpointClient
{
    /// <summary>The name of the HttpClient token requests are sent with; configure it to change its primary handler.</summary>
    public const string HttpClientName = "ServiceAuth.Client.TokenEndpoint";

    private readonly ClientCredentialsTokenOptions _options;
    private readonly Func<HttpMessageInvoker> _client;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly TokenMetrics _metrics;
    private readonly string _scopes;

    public TokenEndpointClient(ClientCredentialsTokenOptions options, Func<HttpMessageInvoker> client, TimeProvider timeProvider, ILogger logger, TokenMetrics? metrics = null)
    {
        _metrics = metrics ?? TokenMetrics.Shared;
        _options = options;
        _client = client;
        _timeProvider = timeProvider;
        _logger = logger;
        _scopes = TokenCacheKey.NormalizeScopes(options.Scopes);
    }

    public async Task<AccessToken> RequestAsync(CancellationToken cancellationToken) =>
        await RequestAsync(await SecretAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    /// <summary>Sends one token request authenticated with <paramref name="secret"/> (from <see cref="SecretAsync"/>).</summary>
    public async Task<AccessToken> RequestAsync(string secret, CancellationToken cancellationToken)
    {
        using var request = new ClientCredentialsTokenRequest
        {
            Address = _options.TokenEndpoint!.AbsoluteUri,
            ClientId = _options.ClientId!,
            ClientSecret = secret,
            ClientCredentialStyle = _options.ClientAuthentication == ClientAuthenticationMethod.ClientSecretPost
                ? ClientCredentialStyle.PostBody
                : ClientCredentialStyle.AuthorizationHeader,
            Scope = _scopes.Length == 0 ? null : _scopes,
        };
        if (_options.Resource is { } resource)
        {
            request.Resource.Add(resource);
        }

        long started = _timeProvider.GetTimestamp();
        using TokenResponse response = await _client().RequestClientCredentialsTokenAsync(request, cancellationToken).ConfigureAwait(false);
        TimeSpan elapsed = _timeProvider.GetElapsedTime(started);
        DateTimeOffset now = _timeProvider.GetUtcNow();
        if (response.IsError)
        {
            TokenUnavailableException error = TokenErrors.From(response, _options);
            _metrics.Requested(_options.ClientId!, elapsed, error.Error ?? error.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "_OTHER");
            Log.TokenRequestFailed(_logger, ClientCredentialsTokenCache.Describe(_options), error.Error, error.StatusCode, response.ErrorType.ToString());
            throw error;
        }

        _metrics.Requested(_options.ClientId!, elapsed, null);
        return Validate(response, now);
    }

    private AccessToken Validate(TokenResponse response, DateTimeOffset now)
    {
        string who = ClientCredentialsTokenCache.Describe(_options);
        if (string.IsNullOrEmpty(response.AccessToken))
        {
            throw new TokenUnavailableException($"The token endpoint answered {who} without an access_token.", null, (int)response.HttpStatusCode, null);
        }

        if (!string.Equals(response.TokenType, "Bearer", StringComparison.OrdinalIgnoreCase))
        {
            throw new TokenUnavailableException($"The token endpoint gave {who} a token of type '{response.TokenType}'; only Bearer tokens are supported.", null, (int)response.HttpStatusCode, null);
        }

        if (response.ExpiresIn <= 0)
        {
            throw new TokenUnavailableException($"The token endpoint gave {who} a token without expires_in, so the cache cannot know when to refresh it.", null, (int)response.HttpStatusCode, null);
        }

        Debug.Assert(response.AccessToken is not null, "checked above");
        return new AccessToken(response.AccessToken, now + TimeSpan.FromSeconds(response.ExpiresIn));
    }

    /// <summary>The client secret: the configured one, or the provider's answer (asked before every token request).</summary>
    public async ValueTask<string> SecretAsync(CancellationToken cancellationToken)
    {
        if (_options.ClientSecretProvider is not { } provider)
        {
            return _options.ClientSecret!;
        }

        string secret;
        try
        {
            secret = await provider(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new TokenUnavailableException($"ClientSecretProvider of {ClientCredentialsTokenCache.Describe(_options)} failed: {e.GetType().Name}.", null, null, e);
        }

        return string.IsNullOrEmpty(secret)
            ? throw new TokenUnavailableException($"ClientSecretProvider of {ClientCredentialsTokenCache.Describe(_options)} returned no secret.")
            : secret;
    }
}
