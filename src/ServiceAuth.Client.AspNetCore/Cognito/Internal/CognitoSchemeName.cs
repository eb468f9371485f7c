namespace ServiceAuth.Client.AspNetCore.Cognito.Internal;

/// <summary>One registered Cognito scheme: its identities carry the scheme name as their authentication type, which is
/// how <see cref="CognitoScopeAuthorizationHandler"/> tells a Cognito token's claims from another scheme's.</summary>
internal sealed record CognitoSchemeName(string Scheme);
