using Microsoft.IdentityModel.Tokens;

namespace ServiceAuth.Client.AspNetCore.Cognito.Internal;

/// <summary>A Cognito check made during token validation failed; the message is the reason that is logged (it names
/// claims and times, never the token).</summary>
internal sealed class CognitoTokenRefusedException(string reason) : SecurityTokenValidationException(reason);
