using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Signing.Internal;

/// <summary>The header lines of one signature, over a reused array; sorted through an index span, so that sorting
/// moves integers rather than items.</summary>
internal struct HeaderList(HeaderItem[] items)
{
    private HeaderItem[] _items = items;

    public int Count { get; private set; }

    public readonly ReadOnlySpan<HeaderItem> Items => _items.AsSpan(0, Count);

    public void Add(HeaderItem item)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, Count * 2);
        }

        _items[Count++] = item;
    }

    /// <summary>Fills <paramref name="order"/> (one slot per item) with the item indices in name order; stable, so lines of
    /// one name keep the order they were added in.</summary>
    public readonly ReadOnlySpan<int> Sort(Span<int> order)
    {
        HeaderItem[] items = _items;
        for (int i = 0; i < order.Length; i++)
        {
            HeaderName current = items[i].Name;
            int j = i - 1;
            while (j >= 0 && HeaderName.Compare(items[order[j]].Name, current) > 0)
            {
                order[j + 1] = order[j];
                j--;
            }

            order[j + 1] = i;
        }

        return order;
    }

    /// <summary>Clears the items (values include the session token) and returns the array for reuse.</summary>
    public HeaderItem[] Clear()
    {
        _items.AsSpan(0, Count).Clear();
        Count = 0;
        return _items;
    }
}
