using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace ServiceAuth.Client.AspNetCore.Cognito.Internal;

/// <summary>
/// Wraps the scheme's <see cref="JwtBearerEvents"/> (after the application configured its own): Cognito's
/// <c>token_use</c> and app client checks run on every validated token, and every refusal is logged with its reason
/// and the caller's client id, never the token. The application's handlers still run.
/// </summary>
internal sealed class CognitoJwtBearerEvents : IPostConfigureOptions<JwtBearerOptions>
{
    private readonly string _scheme;
    private readonly IOptionsMonitor<CognitoJwtBearerOptions> _cognito;
    private readonly ILogger _logger;
    private readonly JwksRefreshGate _keys;

    public CognitoJwtBearerEvents(string scheme, IOptionsMonitor<CognitoJwtBearerOptions> cognito, ILoggerFactory loggerFactory, TimeProvider timeProvider)
    {
        _scheme = scheme;
        _cognito = cognito;
        _logger = loggerFactory.CreateLogger("ServiceAuth.Client.AspNetCore.Cognito");
        _keys = new JwksRefreshGate(timeProvider);
    }

    public void PostConfigure(string? name, JwtBearerOptions options)
    {
        if (name != _scheme)
        {
            return;
        }

        JwtBearerEvents events = options.Events ??= new JwtBearerEvents();
        Func<TokenValidatedContext, Task> validated = events.OnTokenValidated;
        Func<AuthenticationFailedContext, Task> failed = events.OnAuthenticationFailed;
        events.OnTokenValidated = async context =>
        {
            if (CognitoTokenChecks.Refusal(context.Principal!, _cognito.Get(_scheme)) is { } refusal)
            {
                CognitoLog.TokenRefused(_logger, _scheme, refusal);
                context.Fail(refusal);
                return;
            }

            await validated(context).ConfigureAwait(false);
        };
        events.OnAuthenticationFailed = async context =>
        {
            if (context.Exception is SecurityTokenSignatureKeyNotFoundException && await RevalidateWithFreshKeysAsync(context, options).ConfigureAwait(false))
            {
                return;
            }

            CognitoLog.TokenRefused(_logger, _scheme, Reason(context.Exception));
            await failed(context).ConfigureAwait(false);
        };
    }

    /// <summary>The token names a key the cached JWKS lacks: validates it once more against freshly fetched keys.</summary>
    private async Task<bool> RevalidateWithFreshKeysAsync(AuthenticationFailedContext context, JwtBearerOptions options)
    {
        string? header = context.Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || options.MetadataAddress is not { } address
            || await _keys.GetKeysAsync(address, options.Backchannel, options.RequireHttpsMetadata).ConfigureAwait(false) is not { } keys)
        {
            return false;
        }

        TokenValidationParameters parameters = options.TokenValidationParameters.Clone();
        parameters.IssuerSigningKeys = keys;
        parameters.ConfigurationManager = null;
        TokenValidationResult result = await options.TokenHandlers.First().ValidateTokenAsync(header[7..].Trim(), parameters).ConfigureAwait(false);
        if (!result.IsValid)
        {
            context.Exception = result.Exception;
            return false;
        }

        var principal = new System.Security.Claims.ClaimsPrincipal(result.ClaimsIdentity);
        if (CognitoTokenChecks.Refusal(principal, _cognito.Get(_scheme)) is { } refusal)
        {
            CognitoLog.TokenRefused(_logger, _scheme, refusal);
            context.Fail(refusal);
            return true;
        }

        CognitoLog.KeysRefreshed(_logger, _scheme);
        context.Principal = principal;
        context.Success();
        return true;
    }

    private static string Reason(Exception exception) => exception switch
    {
        SecurityTokenExpiredException => "the token has expired",
        SecurityTokenNotYetValidException => "the token is not valid yet",
        SecurityTokenInvalidIssuerException => "the token's issuer is not this user pool",
        SecurityTokenSignatureKeyNotFoundException => "the token's signing key (kid) is not in the pool's JWKS, even after fetching the keys again",
        SecurityTokenInvalidSignatureException => "the token's signature is invalid",
        SecurityTokenInvalidAlgorithmException => "the token is not signed with RS256",
        SecurityTokenNoExpirationException => "the token has no exp",
        SecurityTokenMalformedException => "the token is not a well-formed JWT",
        _ => exception.GetType().Name,
    };
}
