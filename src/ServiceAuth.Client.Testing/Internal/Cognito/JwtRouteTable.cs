using System.Collections.Concurrent;

namespace ServiceAuth.Client.Testing.Internal.Cognito;

/// <summary>The JWT-authorized API routes, matched in the order they were added.</summary>
internal sealed class JwtRouteTable
{
    private readonly ConcurrentQueue<JwtApiRoute> _routes = new();

    public void Add(JwtApiRoute route) => _routes.Enqueue(route);

    public (JwtApiRoute Route, Dictionary<string, string> Values)? Match(string method, IReadOnlyList<string> path)
    {
        foreach (JwtApiRoute route in _routes)
        {
            if (route.Route.Match(method, path) is { } values)
            {
                return (route, values);
            }
        }

        return null;
    }
}
