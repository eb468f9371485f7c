using System.Collections.Concurrent;
using ServiceAuth.Client.Signing.Internal;

namespace ServiceAuth.Client.Signing.Internal.Client;

/// <summary>The HttpClients that are signed and each one's registrations; filled at registration time.</summary>
internal sealed class SignedClientRegistry
{
    private readonly ConcurrentDictionary<string, List<SignedClientRegistration>> _clients = new(StringComparer.Ordinal);

    public void Add(string name, SignedClientRegistration registration)
    {
        List<SignedClientRegistration> registrations = _clients.GetOrAdd(name, static _ => []);
        lock (registrations)
        {
            registrations.Add(registration);
        }
    }

    public bool Contains(string name) => _clients.ContainsKey(name);

    /// <summary>Gets the message that refuses the client's registrations when they disagree, else <see langword="null"/>.</summary>
    public string? Conflict(string name)
    {
        if (!_clients.TryGetValue(name, out List<SignedClientRegistration>? registrations))
        {
            return null;
        }

        lock (registrations)
        {
            return registrations.Count < 2 ? null : SignedClientConflict.Describe(name, registrations);
        }
    }
}
