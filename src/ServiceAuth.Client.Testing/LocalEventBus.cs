namespace ServiceAuth.Client.Testing;

/// <summary>An in-memory EventBridge event bus whose accepted events tests can read and await.</summary>
public sealed class LocalEventBus
{
    private readonly object _gate = new();
    private readonly List<EventBridgeDelivery> _events = [];
    private readonly List<(int Count, TaskCompletionSource<IReadOnlyList<EventBridgeDelivery>> Waiter)> _waiters = [];

    internal LocalEventBus(string arn, IEnumerable<string> allowedPublishers)
    {
        string[] parts = arn.Split(':', 6);
        if (parts.Length != 6 || parts[0] != "arn" || parts[2] != "events" || !parts[5].StartsWith("event-bus/", StringComparison.Ordinal) || parts[5].Length == "event-bus/".Length)
        {
            throw new ArgumentException($"'{arn}' is not an event bus ARN such as arn:aws:events:eu-west-1:222233334444:event-bus/orders.", nameof(arn));
        }

        Arn = arn;
        Region = parts[3];
        AccountId = parts[4];
        Name = parts[5]["event-bus/".Length..];
        AllowedPublishers = [.. allowedPublishers];
    }

    /// <summary>Gets the bus ARN.</summary>
    public string Arn { get; }

    /// <summary>Gets the bus name.</summary>
    public string Name { get; }

    /// <summary>Gets the region of the bus.</summary>
    public string Region { get; }

    /// <summary>Gets the account that owns the bus.</summary>
    public string AccountId { get; }

    /// <summary>Gets a snapshot of the accepted events, in order.</summary>
    public IReadOnlyList<EventBridgeDelivery> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    internal IReadOnlyList<string> AllowedPublishers { get; }

    /// <summary>Completes when at least <paramref name="count"/> events have been accepted.</summary>
    /// <param name="count">How many events to wait for in total, at least 1.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A snapshot of the accepted events.</returns>
    public Task<IReadOnlyList<EventBridgeDelivery>> WaitForEventsAsync(int count = 1, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        lock (_gate)
        {
            if (_events.Count >= count)
            {
                return Task.FromResult<IReadOnlyList<EventBridgeDelivery>>([.. _events]);
            }

            var waiter = new TaskCompletionSource<IReadOnlyList<EventBridgeDelivery>>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, waiter));
            return waiter.Task.WaitAsync(cancellationToken);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Arn;

    internal void Accept(EventBridgeDelivery delivery)
    {
        lock (_gate)
        {
            _events.Add(delivery);
            for (int i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_events.Count >= _waiters[i].Count)
                {
                    _waiters[i].Waiter.TrySetResult([.. _events]);
                    _waiters.RemoveAt(i);
                }
            }
        }
    }
}
