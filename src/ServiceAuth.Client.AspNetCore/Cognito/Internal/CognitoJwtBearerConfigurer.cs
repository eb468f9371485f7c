using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace ServiceAuth.Client.AspNetCore.Cognito.Internal;

/// <summary>
/// Configures the scheme's <see cref="JwtBearerOptions"/> for a Cognito pool: issuer and discovery address, RS256
/// signatures from the JWKS (cached, fetched again on an unknown <c>kid</c>), lifetime with the configured skew
/// (<see cref="CognitoLifetime"/>), claims under their JWT names in an identity whose authentication type is the scheme
/// name (<c>RequireCognitoScope</c> reads only those), no error details in the 401 challenge (JwtBearer's default would
/// echo the token's issuer or expiry), and no <c>aud</c> check here (access tokens have none;
/// <see cref="CognitoTokenChecks"/> checks <c>aud</c> or <c>client_id</c> and <c>token_use</c>).
/// </summary>
internal sealed class CognitoJwtBearerConfigurer : IConfigureNamedOptions<JwtBearerOptions>
{
    private readonly string _scheme;
    private readonly IOptionsMonitor<CognitoJwtBearerOptions> _cognito;
    private readonly CognitoLifetime _lifetime;

    public CognitoJwtBearerConfigurer(string scheme, IOptionsMonitor<CognitoJwtBearerOptions> cognito, TimeProvider timeProvider)
    {
        _scheme = scheme;
        _cognito = cognito;
        _lifetime = new CognitoLifetime(timeProvider);
    }

    public void Configure(string? name, JwtBearerOptions options)
    {
        if (name != _scheme)
        {
            return;
        }

        CognitoJwtBearerOptions cognito = _cognito.Get(name);
        if (cognito.Issuer is null && string.IsNullOrWhiteSpace(cognito.UserPoolId))
        {
            return; // the validator reports it at startup
        }

        string issuer = CognitoIssuer.Resolve(cognito);
        options.Authority = issuer;
        options.MetadataAddress = issuer + "/.well-known/openid-configuration";
        options.RequireHttpsMetadata = cognito.RequireHttpsMetadata && !new Uri(issuer).IsLoopback;
        options.MapInboundClaims = false;
        KeepJwtClaimNames(options);
        options.RefreshOnIssuerKeyNotFound = true;
        options.AutomaticRefreshInterval = cognito.KeyRefreshInterval;
        options.SaveToken = false;
        options.IncludeErrorDetails = false;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = issuer,
            ValidateIssuer = true,
            IssuerValidator = new CognitoIssuerValidator(issuer).Validate,
            ValidateAudience = false,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            LifetimeValidator = _lifetime.Validate,
            RequireSignedTokens = true,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ClockSkew = cognito.ClockSkew,
            NameClaimType = cognito.TokenUse == CognitoTokenUse.Id ? "cognito:username" : "client_id",
            RoleClaimType = "cognito:groups",
            AuthenticationType = name,
        };
    }

    public void Configure(JwtBearerOptions options) => Configure(Options.DefaultName, options);

    /// <summary>Claims keep their JWT names through the mapping path with an empty map, not through
    /// <c>MapInboundClaims = false</c>: Microsoft.IdentityModel's unmapped path reads every claim's <c>Properties</c>,
    /// which makes a dictionary per claim (≈0.5 KB a request for a Cognito access token); the claims are the same.</summary>
    private static void KeepJwtClaimNames(JwtBearerOptions options)
    {
        foreach (Microsoft.IdentityModel.Tokens.TokenHandler handler in options.TokenHandlers)
        {
            if (handler is Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler jwt)
            {
                jwt.MapInboundClaims = true; // first: turning it on refills an empty map with the default one
                jwt.InboundClaimTypeMap = new Dictionary<string, string>();
            }
        }
    }
}
