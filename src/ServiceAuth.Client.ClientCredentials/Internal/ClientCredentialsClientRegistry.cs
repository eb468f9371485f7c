namespace ServiceAuth.Client.ClientCredentials.Internal;

/// <summary>The HttpClients given a client-credentials token handler, filled at registration so a second
/// <c>AddClientCredentialsToken</c> on the same client adds options, not a second handler.</summary>
internal sealed class ClientCredentialsClientRegistry
{
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    public bool Add(string name)
    {
        lock (_names)
        {
            return _names.Add(name);
        }
    }
}
