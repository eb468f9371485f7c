namespace ServiceAuth.Client.Messaging.Internal;

/// <summary>Splits entries, in order, into requests of at most <see cref="BatchPolicy.MaxEntries"/> entries whose sizes
/// add up to at most the request limit (SNS: body and attributes; EventBridge: AWS's entry-size formula).</summary>
internal static class BatchChunker
{
    public static List<List<int>> Chunk(IReadOnlyList<int> indices, IReadOnlyList<int> sizes, int maxBytes)
    {
        var chunks = new List<List<int>>((indices.Count / BatchPolicy.MaxEntries) + 1);
        List<int>? current = null;
        long bytes = 0;
        foreach (int index in indices)
        {
            int size = sizes[index];
            if (current is null || current.Count == BatchPolicy.MaxEntries || bytes + size > maxBytes)
            {
                current = new List<int>(BatchPolicy.MaxEntries);
                chunks.Add(current);
                bytes = 0;
            }

            current.Add(index);
            bytes += size;
        }

        return chunks;
    }
}
