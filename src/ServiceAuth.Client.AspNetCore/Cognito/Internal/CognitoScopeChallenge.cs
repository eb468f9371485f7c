namespace ServiceAuth.Client.AspNetCore.Cognito.Internal;

/// <summary>Carries the scopes a request lacked from the scope check to the scheme's 403
/// (<c>WWW-Authenticate: Bearer error="insufficient_scope", scope="…"</c>, RFC 6750 §3.1), in <c>HttpContext.Items</c>.</summary>
internal static class CognitoScopeChallenge
{
    public static readonly object ItemKey = new();
}
