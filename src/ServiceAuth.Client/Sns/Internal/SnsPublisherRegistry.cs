using System.Collections.Concurrent;

namespace ServiceAuth.Client.Sns.Internal;

/// <summary>The (message type, name) pairs registered with <c>AddSnsPublisher</c>; filled at registration time.</summary>
internal sealed class SnsPublisherRegistry
{
    private readonly ConcurrentDictionary<(Type, string), string> _clients = new();

    /// <summary>Registers the publisher and returns the name of its signed HttpClient.</summary>
    public string Add(Type messageType, string name) =>
        _clients.GetOrAdd((messageType, name), key => $"ServiceAuth.Sns:{key.Item1.FullName}{(key.Item2.Length == 0 ? string.Empty : ":" + key.Item2)}");

    public bool Contains(Type messageType, string name) => _clients.ContainsKey((messageType, name));
}
