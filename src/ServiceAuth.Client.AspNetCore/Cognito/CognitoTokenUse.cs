namespace ServiceAuth.Client.AspNetCore.Cognito;

/// <summary>Which Cognito tokens an API accepts, by their <c>token_use</c> claim.</summary>
public enum CognitoTokenUse
{
    /// <summary>Access tokens (<c>token_use</c> = <c>access</c>), checked on <c>client_id</c>: what machine-to-machine
    /// callers and APIs use. They carry no <c>aud</c>.</summary>
    Access = 0,

    /// <summary>ID tokens (<c>token_use</c> = <c>id</c>), checked on <c>aud</c>: a user's identity for a front end's own back end.</summary>
    Id = 1,
}
