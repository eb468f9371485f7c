using System.Collections.Concurrent;

namespace ServiceAuth.Client.EventBridge.Internal;

/// <summary>The (event type, name) pairs registered with <c>AddEventBridgePublisher</c>; filled at registration time.</summary>
internal sealed class EventBridgePublisherRegistry
{
    private readonly ConcurrentDictionary<(Type, string), string> _clients = new();

    /// <summary>Registers the publisher and returns the name of its signed HttpClient.</summary>
    public string Add(Type eventType, string name) =>
        _clients.GetOrAdd((eventType, name), key => $"ServiceAuth.EventBridge:{key.Item1.FullName}{(key.Item2.Length == 0 ? string.Empty : ":" + key.Item2)}");

    public bool Contains(Type eventType, string name) => _clients.ContainsKey((eventType, name));
}
