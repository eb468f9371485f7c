namespace ServiceAuth.Client.Testing;

/// <summary>An app client of a <see cref="LocalUserPool"/>: a confidential machine-to-machine client with a secret and
/// the custom scopes it may request with the client-credentials grant.</summary>
public sealed class LocalAppClient
{
    internal LocalAppClient(LocalUserPool pool, string name, string clientId, string? clientSecret, IEnumerable<string> allowedScopes, bool allowClientCredentials)
    {
        Pool = pool;
        Name = name;
        ClientId = clientId;
        ClientSecret = clientSecret;
        AllowedScopes = [.. allowedScopes];
        AllowClientCredentials = allowClientCredentials;
    }

    /// <summary>Gets the pool the client belongs to.</summary>
    public LocalUserPool Pool { get; }

    /// <summary>Gets the client's name.</summary>
    public string Name { get; }

    /// <summary>Gets the client id: 26 lowercase letters and digits, as Cognito makes them.</summary>
    public string ClientId { get; }

    /// <summary>Gets the client secret, or <see langword="null"/> for a public client (which cannot use client credentials).</summary>
    public string? ClientSecret { get; }

    /// <summary>Gets the custom scopes (<c>&lt;resource server&gt;/&lt;scope&gt;</c>) the client may request.</summary>
    public IReadOnlyList<string> AllowedScopes { get; }

    /// <summary>Gets a value indicating whether the client-credentials grant is allowed for the client.</summary>
    public bool AllowClientCredentials { get; }

    /// <summary>Returns the name and client id; never the secret.</summary>
    /// <returns>A description.</returns>
    public override string ToString() => $"App client {Name} ({ClientId})";
}
