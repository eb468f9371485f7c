namespace ServiceAuth.Client.AspNetCore.IdentityTokens;

/// <summary>Default names of the IAM identity token authentication handler.</summary>
public static class IamIdentityTokenDefaults
{
    /// <summary>The default authentication scheme name.</summary>
    public const string AuthenticationScheme = "IamIdentityToken";

    /// <summary>
    /// The name of the HttpClient the verifier calls STS with (redirects off, no request logging). It only ever sends
    /// <c>GET https://&lt;listed STS host&gt;/</c>; tests reach a local STS through this client's primary handler, for example
    /// <c>services.AddHttpClient(StsHttpClientName).ConfigurePrimaryHttpMessageHandler(() =&gt; localAws.CreateHandler())</c>.
    /// Whatever primary handler and handlers the application configures for it, the last handler before the primary one
    /// removes every header but <c>Accept</c>, <c>Host</c> and the token's own, and sends with no ambient trace context.
    /// </summary>
    public const string StsHttpClientName = "ServiceAuth.IamIdentityToken.Sts";
}
