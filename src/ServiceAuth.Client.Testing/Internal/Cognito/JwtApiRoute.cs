using ServiceAuth.Client.Testing.Internal.Api;

namespace ServiceAuth.Client.Testing.Internal.Cognito;

/// <summary>An API route behind a JWT authorizer: the pool that issues (issuer and JWKS), the accepted audiences (app
/// client ids) and the route's authorization scopes.</summary>
internal sealed class JwtApiRoute
{
    public JwtApiRoute(ApiRoute route, LocalUserPool pool, IEnumerable<string> audiences, IEnumerable<string> scopes)
    {
        Route = route;
        Pool = pool;
        Audiences = [.. audiences];
        Scopes = [.. scopes];
    }

    public ApiRoute Route { get; }

    public LocalUserPool Pool { get; }

    public IReadOnlyList<string> Audiences { get; }

    public IReadOnlyList<string> Scopes { get; }
}
