using Microsoft.IdentityModel.Tokens;

namespace ServiceAuth.Client.AspNetCore.Cognito.Internal;

/// <summary>Accepts exactly the pool's issuer, as API Gateway's JWT authorizer does. JwtBearer also adds the discovery
/// document's <c>issuer</c> to the valid issuers (<see cref="CognitoConfigurationManager"/>); only the configured one
/// counts.</summary>
internal sealed class CognitoIssuerValidator(string issuer)
{
    public string Validate(string tokenIssuer, SecurityToken token, TokenValidationParameters parameters) =>
        string.Equals(tokenIssuer, issuer, StringComparison.Ordinal)
            ? tokenIssuer
            : throw new SecurityTokenInvalidIssuerException("The token's issuer is not this user pool.") { InvalidIssuer = tokenIssuer };
}
