namespace ServiceAuth.Client.AspNetCore.Cognito;

/// <summary>Default values of the Cognito JWT bearer authentication.</summary>
public static class CognitoDefaults
{
    /// <summary>The default authentication scheme, <c>Cognito</c>.</summary>
    public const string AuthenticationScheme = "Cognito";

    /// <summary>The claim that holds an access token's space-separated scopes, <c>scope</c> (claims keep their JWT names).</summary>
    public const string ScopeClaimType = "scope";
}
