using System.Security.Claims;

namespace ServiceAuth.Client.AspNetCore.Cognito.Internal;

/// <summary>The checks JwtBearer cannot make for Cognito: <c>token_use</c>, and the app client on <c>client_id</c>
/// (access tokens, which have no <c>aud</c>) or <c>aud</c> (ID tokens). Returns the reason to refuse, or null.</summary>
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

        if (options.TokenUse == CognitoTokenUse.Access)
        {
            string? clientId = principal.FindFirstValue("client_id");
            return clientId is not null && options.AppClientIds.Contains(clientId, StringComparer.Ordinal)
                ? null
                : $"client_id '{clientId ?? "(none)"}' is not one of the accepted app clients";
        }

        string[] audiences = [.. principal.FindAll("aud").Select(c => c.Value)];
        return audiences.Any(a => options.AppClientIds.Contains(a, StringComparer.Ordinal))
            ? null
            : $"aud '{string.Join(", ", audiences)}' is not one of the accepted app clients";
    }
}
