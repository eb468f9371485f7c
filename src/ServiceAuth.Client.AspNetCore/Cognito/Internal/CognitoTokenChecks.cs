using System.Security.Claims;

namespace ServiceAuth.Client.AspNetCore.Cognito.Internal;

/// <summary>The checks JwtBearer cannot make for Cognito: <c>token_use</c>, and the app client as API Gateway's JWT
/// authorizer checks it: <c>aud</c> when the token has one (ID tokens; an access token bound to another API), else
/// <c>client_id</c> (Cognito's access tokens). Returns the reason to refuse, or null.</summary>
internal static class CognitoTokenChecks
{
    public static string? Refusal(ClaimsPrincipal principal, CognitoJwtBearerOptions options)
    {
        string expectedUse = options.TokenUse == CognitoTokenUse.Id ? "id" : "access";
        string? use = principal.FindFirstValue("token_use");
        if (!string.Equals(use, expectedUse, StringComparison.Ordinal))
        {
            return $"token_use is '{use ?? "(none)"}'; this API accepts {expectedUse} tokens";
        }

        string[] audiences = [.. principal.FindAll("aud").Select(c => c.Value)];
        if (audiences.Length > 0)
        {
            return audiences.Any(a => options.AppClientIds.Contains(a, StringComparer.Ordinal))
                ? null
                : $"aud '{string.Join(", ", audiences)}' is not one of the accepted app clients";
        }

        string? clientId = principal.FindFirstValue("client_id");
        return clientId is not null && options.AppClientIds.Contains(clientId, StringComparer.Ordinal)
            ? null
            : $"client_id '{clientId ?? "(none)"}' is not one of the accepted app clients";
    }
}
