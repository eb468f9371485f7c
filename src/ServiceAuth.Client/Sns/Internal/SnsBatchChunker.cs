namespace ServiceAuth.Client.Sns.Internal;

/// <summary>Splits messages, in order, into <c>PublishBatch</c> requests of at most 10 entries whose sizes add up to at most
/// the topic's message size limit (SNS rejects a larger request with <c>BatchRequestTooLong</c>).</summary>
internal static class SnsBatchChunker
{
    public const int MaxEntries = 10;

    public static List<List<int>> Chunk(IReadOnlyList<int> indices, IReadOnlyList<PreparedMessage> messages, int maxBytes)
    {
        var chunks = new List<List<int>>((indices.Count / MaxEntries) + 1);
        List<int>? current = null;
        long bytes = 0;
        foreach (int index in indices)
        {
            int size = messages[index].Size;
            if (current is null || current.Count == MaxEntries || bytes + size > maxBytes)
            {
                current = new List<int>(MaxEntries);
                chunks.Add(current);
                bytes = 0;
            }

            current.Add(index);
            bytes += size;
        }

        return chunks;
    }
}
