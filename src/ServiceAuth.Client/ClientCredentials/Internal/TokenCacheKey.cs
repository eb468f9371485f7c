namespace ServiceAuth.Client.ClientCredentials.Internal;

/// <summary>What a cached token is for: (token endpoint, client id, scopes, resource). Scopes are compared as a set.</summary>
internal readonly record struct TokenCacheKey(string TokenEndpoint, string ClientId, string Scopes, string? Resource)
{
    public static TokenCacheKey From(ClientCredentialsTokenOptions options) => new(
        options.TokenEndpoint!.AbsoluteUri,
        options.ClientId!,
        NormalizeScopes(options.Scopes),
        options.Resource);

    /// <summary>The scopes, distinct, in ordinal order, space-separated as the <c>scope</c> parameter wants them.</summary>
    public static string NormalizeScopes(IEnumerable<string> scopes) =>
        string.Join(' ', scopes.Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
}
