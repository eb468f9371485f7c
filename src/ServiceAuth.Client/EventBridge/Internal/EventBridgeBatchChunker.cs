namespace ServiceAuth.Client.EventBridge.Internal;

/// <summary>Splits entries, in order, into <c>PutEvents</c> requests of at most 10 entries whose sizes (AWS's entry-size
/// formula) add up to at most <c>MaxRequestBytes</c>.</summary>
internal static class EventBridgeBatchChunker
{
    public static List<List<int>> Chunk(IReadOnlyList<int> indices, IReadOnlyList<PreparedEntry> entries, int maxBytes)
    {
        var chunks = new List<List<int>>((indices.Count / EventBridgeRules.MaxEntries) + 1);
        List<int>? current = null;
        long bytes = 0;
        foreach (int index in indices)
        {
            int size = entries[index].Size;
            if (current is null || current.Count == EventBridgeRules.MaxEntries || bytes + size > maxBytes)
            {
                current = new List<int>(EventBridgeRules.MaxEntries);
                chunks.Add(current);
                bytes = 0;
            }

            current.Add(index);
            bytes += size;
        }

        return chunks;
    }
}
