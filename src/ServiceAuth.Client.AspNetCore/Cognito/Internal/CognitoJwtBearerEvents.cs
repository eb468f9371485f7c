using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using ServiceAuth.Client.IdentityTokens;

namespace ServiceAuth.Client.AspNetCore.Cognito.Internal;

/// <summary>
/// Wraps the scheme's <see cref="JwtBearerEvents"/> (after the application configured its own): IAM identity tokens
/// (<c>sa-iam-v1.…</c>) are left to their own scheme without a try; Cognito's <c>token_use</c> and app client checks run
/// on every validated token, then the application's <c>OnTokenValidated</c>, on the in-line key refresh path too; every
/// refusal is logged with its reason, never the token; a refused token's challenge says <c>error="invalid_token"</c>
/// and a missing scope's 403 says <c>error="insufficient_scope"</c> with the scopes. The application's handlers still run,
/// from <see cref="JwtBearerOptions.Events"/> or, resolved per request, <c>EventsType</c>.
/// </summary>
internal sealed class CognitoJwtBearerEvents : IPostConfigureOptions<JwtBearerOptions>
{
    private readonly string _scheme;
    private readonly IOptionsMonitor<CognitoJwtBearerOptions> _cognito;
    private readonly ILogger _logger;
    private readonly CognitoKeyRefresh _refresh;

    public CognitoJwtBearerEvents(string scheme, IOptionsMonitor<CognitoJwtBearerOptions> cognito, ILoggerFactory loggerFactory, TimeProvider timeProvider)
    {
        _scheme = scheme;
        _cognito = cognito;
        _logger = loggerFactory.CreateLogger("ServiceAuth.Client.AspNetCore.Cognito");
        _refresh = new CognitoKeyRefresh(new JwksRefreshGate(timeProvider), _logger);
    }

    public void PostConfigure(string? name, JwtBearerOptions options)
    {
        if (name != _scheme)
        {
            return;
        }

        if (options.ConfigurationManager is { } configuration and not CognitoConfigurationManager)
        {
            options.ConfigurationManager = new CognitoConfigurationManager(configuration);
        }

        // An application's EventsType would replace these events per request (and skip every Cognito check): it is
        // resolved per request here instead, inside the checks.
        Type? eventsType = options.EventsType;
        options.EventsType = null;
        JwtBearerEvents events = options.Events ??= new JwtBearerEvents();
        Func<MessageReceivedContext, Task> received = eventsType is null ? events.OnMessageReceived : c => App(c.HttpContext, eventsType).MessageReceived(c);
        Func<TokenValidatedContext, Task> validated = eventsType is null ? events.OnTokenValidated : c => App(c.HttpContext, eventsType).TokenValidated(c);
        Func<AuthenticationFailedContext, Task> failed = eventsType is null ? events.OnAuthenticationFailed : c => App(c.HttpContext, eventsType).AuthenticationFailed(c);
        Func<JwtBearerChallengeContext, Task> challenge = eventsType is null ? events.OnChallenge : c => App(c.HttpContext, eventsType).Challenge(c);
        Func<ForbiddenContext, Task> forbidden = eventsType is null ? events.OnForbidden : c => App(c.HttpContext, eventsType).Forbidden(c);
        events.OnMessageReceived = async context =>
        {
            await received(context).ConfigureAwait(false);
            if (context.Result is null && IsIdentityToken(context))
            {
                context.NoResult();
            }
        };
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
        Func<TokenValidatedContext, Task> checkedValidated = events.OnTokenValidated;
        events.OnAuthenticationFailed = async context =>
        {
            if (context.Exception is SecurityTokenSignatureKeyNotFoundException && await _refresh.RevalidateAsync(context, options, checkedValidated).ConfigureAwait(false))
            {
                return;
            }

            CognitoLog.TokenRefused(_logger, _scheme, Reason(context.Exception));
            await failed(context).ConfigureAwait(false);
        };
        events.OnChallenge = context =>
        {
            if (context.AuthenticateFailure is not null && string.IsNullOrEmpty(context.Error))
            {
                context.Error = "invalid_token"; // RFC 6750 §3.1, without a description of the token
            }

            return challenge(context);
        };
        events.OnForbidden = context =>
        {
            if (context.HttpContext.Items.TryGetValue(CognitoScopeChallenge.ItemKey, out object? scopes) && scopes is string required)
            {
                context.Response.Headers.WWWAuthenticate = $"{context.Options.Challenge} error=\"insufficient_scope\", scope=\"{required}\"";
            }

            return forbidden(context);
        };
    }

    private static JwtBearerEvents App(HttpContext http, Type eventsType) => (JwtBearerEvents)http.RequestServices.GetRequiredService(eventsType);

    private static bool IsIdentityToken(MessageReceivedContext context)
    {
        if (context.Token is { } token)
        {
            return token.StartsWith(IamIdentityTokenFormat.Prefix, StringComparison.Ordinal);
        }

        string? header = context.Request.Headers.Authorization;
        return header is not null && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && header.AsSpan(7).TrimStart().StartsWith(IamIdentityTokenFormat.Prefix, StringComparison.Ordinal);
    }

    private static string Reason(Exception exception) => exception switch
    {
        CognitoTokenRefusedException refused => refused.Message,
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
