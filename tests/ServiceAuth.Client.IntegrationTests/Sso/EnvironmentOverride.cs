namespace ServiceAuth.Client.IntegrationTests.Sso;

/// <summary>Sets environment variables (null removes one) and puts the previous values back on dispose.</summary>
internal sealed class EnvironmentOverride : IDisposable
{
    private readonly Dictionary<string, string?> _previous = new(StringComparer.Ordinal);

    public EnvironmentOverride(IReadOnlyDictionary<string, string?> values)
    {
        foreach ((string name, string? value) in values)
        {
            _previous[name] = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    public void Dispose()
    {
        foreach ((string name, string? value) in _previous)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}
