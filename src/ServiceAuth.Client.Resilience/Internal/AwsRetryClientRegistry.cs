using System.Collections.Concurrent;

namespace ServiceAuth.Client.Resilience.Internal;

/// <summary>The clients that already have the AWS retry handler, so that a second <c>AddAwsRetries</c> only configures.</summary>
internal sealed class AwsRetryClientRegistry
{
    private readonly ConcurrentDictionary<string, bool> _names = new(StringComparer.Ordinal);

    /// <summary>Adds a client name; returns <see langword="false"/> when it was there already.</summary>
    public bool Add(string name) => _names.TryAdd(name, true);

    /// <summary>Whether the client has AWS retries.</summary>
    public bool Contains(string name) => _names.ContainsKey(name);
}
