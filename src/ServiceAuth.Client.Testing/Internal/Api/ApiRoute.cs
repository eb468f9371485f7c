namespace ServiceAuth.Client.Testing.Internal.Api;

/// <summary>An IAM-authorized API route with its resource policy.</summary>
internal sealed class ApiRoute
{
    private readonly string[] _segments;

    public ApiRoute(string method, string pathTemplate, IEnumerable<string> allow, Func<ApiInvocation, HttpResponseMessage>? respond)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentException.ThrowIfNullOrWhiteSpace(pathTemplate);
        Method = method.ToUpperInvariant();
        Template = pathTemplate;
        _segments = pathTemplate.Split('/', StringSplitOptions.RemoveEmptyEntries);
        Allow = [.. allow];
        Respond = respond;
    }

    /// <summary>Gets the method, or <c>ANY</c>.</summary>
    public string Method { get; }

    public string Template { get; }

    public IReadOnlyList<string> Allow { get; }

    public Func<ApiInvocation, HttpResponseMessage>? Respond { get; }

    /// <summary>Gets or sets a value indicating whether the route requires an <c>x-api-key</c> of a usage plan.</summary>
    public bool RequiresApiKey { get; set; }

    /// <summary>Matches decoded path segments; <c>{name}</c> takes one segment and <c>{name+}</c> the rest.</summary>
    public Dictionary<string, string>? Match(string method, IReadOnlyList<string> path)
    {
        if (Method != "ANY" && Method != method)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < _segments.Length; i++)
        {
            string segment = _segments[i];
            bool variable = segment.StartsWith('{') && segment.EndsWith('}');
            if (variable && segment.EndsWith("+}", StringComparison.Ordinal) && i == _segments.Length - 1)
            {
                if (path.Count <= i)
                {
                    return null;
                }

                values[segment[1..^2]] = string.Join('/', path.Skip(i));
                return values;
            }

            if (i >= path.Count || (!variable && segment != path[i]))
            {
                return null;
            }

            if (variable)
            {
                values[segment[1..^1]] = path[i];
            }
        }

        return path.Count == _segments.Length ? values : null;
    }
}
