using System.Security.Cryptography;
using System.Text;

namespace ServiceAuth.Client.ClientCredentials.Internal;

/// <summary>What a cached token is for: (token endpoint, client id, scopes, resource) and the client's secret, as a keyed
/// hash (<see cref="HashSecret"/>) or, for a <see cref="ClientCredentialsTokenOptions.ClientSecretProvider"/>, the
/// provider itself: two registrations that differ only in their secret never share a token. Scopes are compared as a set.
/// Never holds a secret in clear.</summary>
internal readonly record struct TokenCacheKey(string TokenEndpoint, string ClientId, string Scopes, string? Resource, string? SecretHash, Delegate? SecretProvider)
{
    public static TokenCacheKey From(ClientCredentialsTokenOptions options)
    {
        string endpoint = options.TokenEndpoint!.AbsoluteUri;
        string scopes = NormalizeScopes(options.Scopes);
        return options.ClientSecretProvider is { } provider
            ? new(endpoint, options.ClientId!, scopes, options.Resource, null, provider)
            : new(endpoint, options.ClientId!, scopes, options.Resource, HashSecret(endpoint, options.ClientId!, scopes, options.Resource, options.ClientSecret!), null);
    }

    /// <summary>HMAC-SHA256 keyed with the secret over (endpoint, client id, scopes, resource), in hex: the same for every
    /// process with the same registration and secret, and no use to anyone who does not know the secret.</summary>
    public static string HashSecret(string tokenEndpoint, string clientId, string scopes, string? resource, string secret)
    {
        byte[] key = Encoding.UTF8.GetBytes(secret);
        try
        {
            return Convert.ToHexString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"ServiceAuth.Client token v2\n{tokenEndpoint}\n{clientId}\n{scopes}\n{resource}")));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>The scopes, distinct, in ordinal order, space-separated as the <c>scope</c> parameter wants them.</summary>
    public static string NormalizeScopes(IEnumerable<string> scopes) =>
        string.Join(' ', scopes.Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
}
