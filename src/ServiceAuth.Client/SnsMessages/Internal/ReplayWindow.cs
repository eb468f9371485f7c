namespace ServiceAuth.Client.SnsMessages.Internal;

/// <summary>
/// The message ids accepted within the window, so each is accepted once. Bounded: ids leave when their window ends,
/// and past the capacity the oldest are forgotten first (they are the nearest to leaving anyway).
/// </summary>
internal sealed class ReplayWindow(int capacity)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _ids = new(StringComparer.Ordinal);
    private readonly Queue<(string Id, DateTimeOffset Until)> _order = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _ids.Count;
            }
        }
    }

    /// <summary>Remembers <paramref name="id"/> until <paramref name="until"/>; <see langword="false"/> when it is already remembered.</summary>
    public bool TryAccept(string id, DateTimeOffset until, DateTimeOffset now)
    {
        lock (_gate)
        {
            while (_order.TryPeek(out var head) && (head.Until <= now || _ids.Count >= capacity))
            {
                _order.Dequeue();
                if (_ids.TryGetValue(head.Id, out DateTimeOffset kept) && kept == head.Until)
                {
                    _ids.Remove(head.Id);
                }
            }

            if (_ids.TryGetValue(id, out DateTimeOffset existing) && existing > now)
            {
                return false;
            }

            _ids[id] = until;
            _order.Enqueue((id, until));
            return true;
        }
    }
}
