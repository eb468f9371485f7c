using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace ServiceAuth.Client.AspNetCore.Cognito.Internal;

/// <summary>
/// Configures the scheme's <see cref="JwtBearerOptions"/> for a Cognito pool: issuer and discovery address, RS256
/// signatures from the JWKS (cached, fetched again on an unknown <c>kid</c>), lifetime with the configured skew, claims
/// under their JWT names, and no <c>aud</c> check (access tokens have none; <see cref="CognitoTokenChecks"/> checks
/// <c>client_id</c> or <c>aud</c> and <c>token_use</c>).
/// </summary>
internal sealed class CognitoJwtBearerConfigurer : IConfigureNamedOptions<JwtBearerOptions>
{
    private readonly string _scheme;
    private readonly IOptionsMonitor<CognitoJwtBearerOptions> _cognito;

    public CognitoJwtBearerConfigurer(string scheme, IOptionsMonitor<CognitoJwtBearerOptions> cognito)
    {
        _scheme = scheme;
        _cognito = cognito;
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
        options.RefreshOnIssuerKeyNotFound = true;
        options.AutomaticRefreshInterval = cognito.KeyRefreshInterval;
        options.SaveToken = false;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = issuer,
            ValidateIssuer = true,
            ValidateAudience = false,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ClockSkew = cognito.ClockSkew,
            NameClaimType = cognito.TokenUse == CognitoTokenUse.Id ? "cognito:username" : "client_id",
            RoleClaimType = "cognito:groups",
        };
    }

    public void Configure(JwtBearerOptions options) => Configure(Options.DefaultName, options);
}
