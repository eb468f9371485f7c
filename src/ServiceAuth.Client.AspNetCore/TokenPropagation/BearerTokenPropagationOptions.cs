namespace ServiceAuth.Client.AspNetCore.TokenPropagation;

/// <summary>Where the inbound request's bearer token may be forwarded: a user's token never leaves for a host that is not named.</summary>
public sealed class BearerTokenPropagationOptions
{
    /// <summary>Gets the hosts the token is forwarded to: exact names (<c>orders.internal.example.com</c>) or one leading
    /// wildcard label (<c>*.internal.example.com</c>, which does not match <c>internal.example.com</c> itself).</summary>
    /// <value>The default value is an empty list; at least one host is required.</value>
    public IList<string> AllowedHosts { get; } = [];

    /// <summary>Gets or sets a value indicating whether the token may go to allowed hosts over plain <c>http://</c> (loopback is always allowed).</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool AllowInsecureHttp { get; set; }
}
