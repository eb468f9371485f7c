using System.Collections.Concurrent;
using ServiceAuth.Client.Testing.Internal.Cognito;

namespace ServiceAuth.Client.Testing;

/// <summary>
/// A Cognito-compatible user pool of a <see cref="LocalAwsEndpoint"/>: resource servers with custom scopes, app clients
/// with secrets, a token endpoint (<c>POST /oauth2/token</c>, client-credentials grant) and, at the pool's issuer
/// (<c>&lt;base address&gt;&lt;pool id&gt;</c>), <c>/.well-known/openid-configuration</c> and
/// <c>/.well-known/jwks.json</c>. Tokens are RS256 JWTs with Cognito's claims.
/// </summary>
public sealed class LocalUserPool
{
    private readonly ConcurrentDictionary<string, string[]> _resourceServers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, LocalAppClient> _clients = new(StringComparer.Ordinal);
    private readonly Func<DateTimeOffset> _now;
    private int _tokenRequests;

    internal LocalUserPool(string id, Uri baseAddress, Func<DateTimeOffset> now)
    {
        Id = id;
        _now = now;
        Issuer = new Uri(baseAddress, id);
        TokenEndpoint = new Uri(baseAddress, "oauth2/token");
        JwksUri = new Uri(baseAddress, id + "/.well-known/jwks.json");
        MetadataAddress = new Uri(baseAddress, id + "/.well-known/openid-configuration");
    }

    /// <summary>Gets the pool id, <c>&lt;region&gt;_&lt;9 characters&gt;</c>.</summary>
    public string Id { get; }

    /// <summary>Gets the issuer (<c>iss</c> of every token): the base address followed by the pool id. On AWS it is
    /// <c>https://cognito-idp.&lt;region&gt;.amazonaws.com/&lt;pool id&gt;</c>.</summary>
    public Uri Issuer { get; }

    /// <summary>Gets the token endpoint; on AWS <c>https://&lt;domain&gt;.auth.&lt;region&gt;.amazoncognito.com/oauth2/token</c>.</summary>
    public Uri TokenEndpoint { get; }

    /// <summary>Gets the JWKS address, <c>&lt;issuer&gt;/.well-known/jwks.json</c>.</summary>
    public Uri JwksUri { get; }

    /// <summary>Gets the OpenID Connect discovery address, <c>&lt;issuer&gt;/.well-known/openid-configuration</c>.</summary>
    public Uri MetadataAddress { get; }

    /// <summary>Gets or sets the access token lifetime; Cognito accepts 5 minutes to 1 day.</summary>
    /// <value>The default value is 60 minutes.</value>
    public TimeSpan AccessTokenValidity
    {
        get;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.FromMinutes(5));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, TimeSpan.FromDays(1));
            field = value;
        }
    } = TimeSpan.FromHours(1);

    /// <summary>Gets how many requests reached the token endpoint for this pool's clients, refused ones included
    /// (Cognito bills machine-to-machine token requests).</summary>
    public int TokenRequestCount => Volatile.Read(ref _tokenRequests);

    /// <summary>Gets the id (<c>kid</c>) of the key that signs new tokens.</summary>
    public string SigningKeyId => Keys.Current.KeyId;

    internal SigningKeys Keys { get; } = new();

    internal DateTimeOffset Now => _now();

    /// <summary>Adds a resource server with custom scopes; clients then request <c>&lt;identifier&gt;/&lt;scope&gt;</c>.</summary>
    /// <param name="identifier">The identifier, for example <c>orders</c> or <c>https://orders.example.com</c>.</param>
    /// <param name="scopes">The scope names, for example <c>read</c>.</param>
    public void AddResourceServer(string identifier, params string[] scopes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(identifier);
        if (!_resourceServers.TryAdd(identifier, [.. scopes]))
        {
            throw new ArgumentException($"The resource server '{identifier}' already exists.", nameof(identifier));
        }
    }

    /// <summary>Adds a confidential app client allowed the client-credentials grant and the given custom scopes.</summary>
    /// <param name="name">The client name.</param>
    /// <param name="allowedScopes">Custom scopes of this pool's resource servers, at least one (as Cognito requires).</param>
    /// <returns>The client, with its id and secret.</returns>
    public LocalAppClient AddAppClient(string name, params string[] allowedScopes) => AddAppClient(name, allowedScopes, generateSecret: true, allowClientCredentials: true);

    /// <summary>Adds an app client.</summary>
    /// <param name="name">The client name.</param>
    /// <param name="allowedScopes">Custom scopes of this pool's resource servers.</param>
    /// <param name="generateSecret">Whether the client has a secret (a confidential client).</param>
    /// <param name="allowClientCredentials">Whether the client-credentials grant is allowed (needs a secret and a scope).</param>
    /// <returns>The client.</returns>
    public LocalAppClient AddAppClient(string name, IEnumerable<string> allowedScopes, bool generateSecret, bool allowClientCredentials)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        string[] scopes = [.. allowedScopes];
        foreach (string scope in scopes)
        {
            if (!IsDefinedScope(scope))
            {
                throw new ArgumentException($"Scope '{scope}' is not a custom scope of a resource server of pool {Id} (Cognito: ScopeDoesNotExistException).", nameof(allowedScopes));
            }
        }

        if (allowClientCredentials && (!generateSecret || scopes.Length == 0))
        {
            throw new ArgumentException("The client credentials flow needs a client secret and at least one custom scope (Cognito: InvalidOAuthFlowException).", nameof(allowClientCredentials));
        }

        var client = new LocalAppClient(this, name, CognitoIds.ClientId(), generateSecret ? CognitoIds.ClientSecret() : null, scopes, allowClientCredentials);
        _clients[client.ClientId] = client;
        return client;
    }

    /// <summary>Makes a new signing key current; the previous key stays in the JWKS unless <paramref name="retirePrevious"/>.</summary>
    /// <param name="retirePrevious">Whether to remove the previous key from the JWKS, so its tokens no longer validate.</param>
    /// <returns>The new key id.</returns>
    public string RotateSigningKey(bool retirePrevious = false) => Keys.Rotate(retirePrevious);

    /// <summary>Issues an access token as the token endpoint would, without a request (the request count is unchanged).</summary>
    /// <param name="client">The app client.</param>
    /// <param name="scopes">The scopes; none for all the client's scopes. Not checked against the client's.</param>
    /// <returns>The signed JWT.</returns>
    public string CreateAccessToken(LocalAppClient client, params string[] scopes)
    {
        ArgumentNullException.ThrowIfNull(client);
        return CognitoTokens.Access(this, client.ClientId, scopes.Length == 0 ? client.AllowedScopes : scopes);
    }

    /// <summary>Issues an ID token for a user of the pool, with <c>aud</c> = the client id.</summary>
    /// <param name="client">The app client the user signed in to.</param>
    /// <param name="username">The user name (<c>cognito:username</c>).</param>
    /// <returns>The signed JWT.</returns>
    public string CreateIdToken(LocalAppClient client, string username)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(username);
        return CognitoTokens.Id(this, client.ClientId, username);
    }

    /// <summary>Returns the pool id.</summary>
    /// <returns>The pool id.</returns>
    public override string ToString() => $"User pool {Id}";

    internal LocalAppClient? FindClient(string clientId) => _clients.GetValueOrDefault(clientId);

    internal void CountTokenRequest() => Interlocked.Increment(ref _tokenRequests);

    private bool IsDefinedScope(string scope)
    {
        int slash = scope.LastIndexOf('/');
        return slash > 0 && _resourceServers.TryGetValue(scope[..slash], out string[]? names) && names.Contains(scope[(slash + 1)..], StringComparer.Ordinal);
    }
}
