namespace ServiceAuth.Client.EventBridge.Internal;

/// <summary>
/// AWS's <c>PutEventsRequestEntry</c> size formula ("Calculating PutEvents event entry size"): 14 bytes when <c>Time</c> is
/// set, plus the UTF-8 bytes of <c>Source</c>, <c>DetailType</c>, <c>Detail</c> and each of <c>Resources</c>.
/// <c>EventBusName</c> and <c>TraceHeader</c> do not count. A request's size is the sum of its entries'.
/// </summary>
internal static class EventBridgeEntrySize
{
    public const int TimeBytes = 14;

    /// <summary>The size, or -1 when a field has a lone surrogate.</summary>
    public static int Of(string source, string detailType, string detail, IReadOnlyList<string> resources, bool hasTime)
    {
        long size = hasTime ? TimeBytes : 0;
        foreach (string text in (IEnumerable<string>)[source, detailType, detail, .. resources])
        {
            int bytes = EventBridgeText.Utf8Length(text);
            if (bytes < 0)
            {
                return -1;
            }

            size += bytes;
        }

        return (int)Math.Min(size, int.MaxValue);
    }
}
