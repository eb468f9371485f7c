using System.Net.Http.Headers;

namespace ServiceAuth.Client.ClientCredentials.Internal;

/// <summary>One access token and when it expires. The <c>Authorization</c> header value is built once and shared by
/// every request that uses the token (it is immutable). <see cref="ToString"/> never shows the token.</summary>
internal sealed class AccessToken
{
    public AccessToken(string value, DateTimeOffset expiresAt)
    {
        Value = value;
        ExpiresAt = expiresAt;
        Header = new AuthenticationHeaderValue("Bearer", value);
    }

    public string Value { get; }

    public DateTimeOffset ExpiresAt { get; }

    public AuthenticationHeaderValue Header { get; }

    public override string ToString() => $"Access token expiring at {ExpiresAt:O}";
}
