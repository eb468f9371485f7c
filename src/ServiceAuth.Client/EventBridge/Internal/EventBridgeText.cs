namespace ServiceAuth.Client.EventBridge.Internal;

/// <summary>Text helpers for EventBridge fields: UTF-8 byte counts (AWS sizes entries in UTF-8) and shortened values for
/// exception messages.</summary>
internal static class EventBridgeText
{
    /// <summary>The UTF-8 byte count, or -1 when the text has a lone surrogate (which has no UTF-8 form).</summary>
    public static int Utf8Length(string text)
    {
        long bytes = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c < 0x80)
            {
                bytes++;
            }
            else if (c < 0x800)
            {
                bytes += 2;
            }
            else if (!char.IsSurrogate(c))
            {
                bytes += 3;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                bytes += 4;
                i++;
            }
            else
            {
                return -1;
            }
        }

        return (int)Math.Min(bytes, int.MaxValue);
    }

    /// <summary>The value as it may appear in an exception: at most 64 characters.</summary>
    public static string Shorten(string? value) => value is null ? "(null)" : value.Length <= 64 ? value : string.Concat(value.AsSpan(0, 64), "…");
}
