using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace ServiceAuth.Client.AspNetCore.Cognito.Internal;

/// <summary>
/// The token names a key the cached JWKS lacks: validates it once more against freshly fetched keys (at most one fetch
/// per 5 minutes, <see cref="JwksRefreshGate"/>), then runs the same <c>OnTokenValidated</c> as the ordinary path
/// (Cognito's checks, then the application's), and carries its outcome into the failed context.
/// </summary>
internal sealed class CognitoKeyRefresh(JwksRefreshGate keys, ILogger logger)
{
    /// <summary>Returns <see langword="true"/> when the request's outcome is decided (accepted, or refused after the
    /// token validated), <see langword="false"/> when the token is still refused for the original or a new reason.</summary>
    public async Task<bool> RevalidateAsync(AuthenticationFailedContext context, JwtBearerOptions options, Func<TokenValidatedContext, Task> tokenValidated)
    {
        string? header = context.Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || options.MetadataAddress is not { } address
            || await keys.GetKeysAsync(address, options.Backchannel, options.RequireHttpsMetadata).ConfigureAwait(false) is not { } fresh)
        {
            return false;
        }

        TokenValidationParameters parameters = options.TokenValidationParameters.Clone();
        parameters.IssuerSigningKeys = fresh;
        parameters.ConfigurationManager = null;
        TokenValidationResult result = await options.TokenHandlers.First().ValidateTokenAsync(header[7..].Trim(), parameters).ConfigureAwait(false);
        if (!result.IsValid)
        {
            context.Exception = result.Exception;
            return false;
        }

        var validated = new TokenValidatedContext(context.HttpContext, context.Scheme, options)
        {
            Principal = new ClaimsPrincipal(result.ClaimsIdentity),
            SecurityToken = result.SecurityToken,
        };
        validated.Properties.ExpiresUtc = new DateTimeOffset(result.SecurityToken.ValidTo, TimeSpan.Zero);
        await tokenValidated(validated).ConfigureAwait(false);
        switch (validated.Result)
        {
            case { Failure: { } failure }:
                context.Fail(failure);
                return true;
            case { None: true }:
                context.NoResult();
                return true;
            default:
                CognitoLog.KeysRefreshed(logger, context.Scheme.Name);
                context.Principal = validated.Result?.Principal ?? validated.Principal;
                context.Properties = validated.Result?.Properties ?? validated.Properties;
                context.Success();
                return true;
        }
    }
}
