using System.Collections.Concurrent;

namespace ServiceAuth.Client.Testing.Internal.Api;

/// <summary>The API routes, matched in the order they were added.</summary>
internal sealed class ApiRouteTable
{
    private readonly ConcurrentQueue<ApiRoute> _routes = new();

    public ConcurrentQueue<LocalUsagePlan> UsagePlans { get; } = new();

    public IEnumerable<ApiRoute> All => _routes;

    public void Add(ApiRoute route) => _routes.Enqueue(route);

    public (ApiRoute Route, Dictionary<string, string> Values)? Match(string method, IReadOnlyList<string> path)
    {
        foreach (ApiRoute route in _routes)
        {
            if (route.Match(method, path) is { } values)
            {
                return (route, values);
            }
        }

        return null;
    }
}
