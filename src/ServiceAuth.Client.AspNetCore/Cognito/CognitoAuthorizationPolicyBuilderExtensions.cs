using Microsoft.AspNetCore.Authorization;
using ServiceAuth.Client.AspNetCore.Cognito.Internal;

namespace ServiceAuth.Client.AspNetCore.Cognito;

/// <summary>Scope requirements for Cognito access tokens.</summary>
public static class CognitoAuthorizationPolicyBuilderExtensions
{
    /// <summary>
    /// Requires the token's <c>scope</c> claim to contain at least one of <paramref name="scopes"/> (API Gateway's rule
    /// for a route's authorization scopes); call it once per scope that is required on its own. Failures are logged with
    /// the scopes the token has, never the token. Needs <c>AddCognitoJwtBearer</c>, which registers the handler.
    /// </summary>
    /// <param name="builder">The policy builder.</param>
    /// <param name="scopes">The accepted scopes, for example <c>orders/read</c>.</param>
    /// <returns>The builder.</returns>
    public static AuthorizationPolicyBuilder RequireCognitoScope(this AuthorizationPolicyBuilder builder, params string[] scopes)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(scopes);
        if (scopes.Length == 0 || scopes.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Name at least one scope, none empty, for example \"orders/read\".", nameof(scopes));
        }

        return builder.RequireAuthenticatedUser().AddRequirements(new CognitoScopeRequirement(scopes));
    }
}
