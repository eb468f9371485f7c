namespace ServiceAuth.Client.ClientCredentials;

/// <summary>
/// Where and how a client obtains OAuth 2.0 access tokens with the client-credentials grant, for example from an Amazon
/// Cognito user pool's token endpoint. Bindable from configuration; the client secret may instead come from
/// <see cref="ClientSecretProvider"/>. <see cref="ToString"/> never shows the secret.
/// </summary>
public sealed class ClientCredentialsTokenOptions
{
    /// <summary>Gets or sets the token endpoint, for example
    /// <c>https://&lt;domain&gt;.auth.&lt;region&gt;.amazoncognito.com/oauth2/token</c>, a custom domain, or any OAuth 2.0
    /// token endpoint. It must be <c>https://</c> unless the host is loopback.</summary>
    /// <value>The default value is <see langword="null"/>; required.</value>
    public Uri? TokenEndpoint { get; set; }

    /// <summary>Gets or sets the client id (a Cognito app client id).</summary>
    /// <value>The default value is <see langword="null"/>; required.</value>
    public string? ClientId { get; set; }

    /// <summary>Gets or sets the client secret. Set this or <see cref="ClientSecretProvider"/>, not both. Never logged.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? ClientSecret { get; set; }

    /// <summary>Gets or sets a delegate that returns the client secret, called before every token request (so a rotated
    /// secret in a secret store is picked up). Set this or <see cref="ClientSecret"/>, not both.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public Func<CancellationToken, ValueTask<string>>? ClientSecretProvider { get; set; }

    /// <summary>Gets or sets how the client authenticates to the token endpoint.</summary>
    /// <value>The default value is <see cref="ClientAuthenticationMethod.ClientSecretBasic"/>.</value>
    public ClientAuthenticationMethod ClientAuthentication { get; set; } = ClientAuthenticationMethod.ClientSecretBasic;

    /// <summary>Gets the scopes to request, for example <c>orders/read</c>; none asks for all the scopes the client may have.</summary>
    /// <value>The default value is an empty list.</value>
    public IList<string> Scopes { get; } = [];

    /// <summary>Gets or sets the RFC 8707 <c>resource</c> indicator to send; Amazon Cognito ignores it unless configured for it.</summary>
    /// <value>The default value is <see langword="null"/>: none sent.</value>
    public string? Resource { get; set; }

    /// <summary>Gets or sets a value indicating whether a plain <c>http://</c> token endpoint or target that is not loopback
    /// is accepted (for tests with an in-memory endpoint). A secret or token sent in clear can be replayed by anyone on
    /// the path.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>Returns the endpoint, client id, scopes and resource; never the secret.</summary>
    /// <returns>A description for logs and exceptions.</returns>
    public override string ToString() =>
        $"Client credentials of '{ClientId}' at {TokenEndpoint} (scopes '{string.Join(' ', Scopes)}'{(Resource is null ? string.Empty : $", resource '{Resource}'")})";
}
