using System.Collections.Concurrent;

namespace ServiceAuth.Client.Signing.Internal;

/// <summary>The names of the HttpClients that are signed; filled at registration time.</summary>
internal sealed class SignedClientRegistry
{
    private readonly ConcurrentDictionary<string, bool> _names = new(StringComparer.Ordinal);

    public void Add(string name) => _names[name] = true;

    public bool Contains(string name) => _names.ContainsKey(name);
}
