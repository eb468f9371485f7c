using System.Security.Claims;

namespace ServiceAuth.Client.AspNetCore.Cognito.Internal;

/// <summary>The checks JwtBearer cannot make for Cognito: <c>token_use</c>, and the app client as API Gateway's JWT
/// authorizer checks it: <c>aud</c> when the token has one (ID tokens; an access token bound to another API), else
/// <c>client_id</c> (Cognito's access tokens). Returns the reason to refuse, or null. One pass over the claims, nothing
/// allocated for a token that passes.</summary>
internal static class CognitoTokenChecks
{
    public static string? Refusal(ClaimsPrincipal principal, CognitoJwtBearerOptions options)
    {
        string expectedUse = options.TokenUse == CognitoTokenUse.Id ? "id" : "access";
        string? use = null;
        string? clientId = null;
        bool hasAudience = false;
        bool audienceAccepted = false;
        foreach (Claim claim in principal.Claims)
        {
            switch (claim.Type)
            {
                case "token_use":
                    use ??= claim.Value;
                    break;
                case "client_id":
                    clientId ??= claim.Value;
                    break;
                case "aud":
                    hasAudience = true;
                    audienceAccepted |= IsAppClient(claim.Value, options);
                    break;
            }
        }

        if (!string.Equals(use, expectedUse, StringComparison.Ordinal))
        {
            return $"token_use is '{use ?? "(none)"}'; this API accepts {expectedUse} tokens";
        }

        if (hasAudience)
        {
            return audienceAccepted ? null : $"aud '{string.Join(", ", principal.FindAll("aud").Select(c => c.Value))}' is not one of the accepted app clients";
        }

        return clientId is not null && IsAppClient(clientId, options) ? null : $"client_id '{clientId ?? "(none)"}' is not one of the accepted app clients";
    }

    private static bool IsAppClient(string value, CognitoJwtBearerOptions options)
    {
        IList<string> clients = options.AppClientIds;
        for (int i = 0; i < clients.Count; i++)
        {
            if (string.Equals(clients[i], value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
