namespace ServiceAuth.Client.ClientCredentials;

/// <summary>How the client authenticates to the token endpoint (RFC 6749 section 2.3.1).</summary>
public enum ClientAuthenticationMethod
{
    /// <summary><c>client_secret_basic</c>: the client id and secret in an <c>Authorization: Basic</c> header, as Amazon
    /// Cognito expects by default.</summary>
    ClientSecretBasic = 0,

    /// <summary><c>client_secret_post</c>: the client id and secret as <c>client_id</c> and <c>client_secret</c> form
    /// fields of the token request body.</summary>
    ClientSecretPost = 1,
}
