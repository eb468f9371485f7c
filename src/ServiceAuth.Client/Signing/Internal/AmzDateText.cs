using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Signing.Internal;

/// <summary>
/// The <c>X-Amz-Date</c> string of a signing time, kept for the last second used: every request signed within one
/// second shares one string instead of allocating its own.
/// </summary>
internal static class AmzDateText
{
    private static volatile Entry? s_last;

    public static string Get(DateTimeOffset signingTime)
    {
        long second = signingTime.UtcTicks / TimeSpan.TicksPerSecond;
        Entry? last = s_last;
        if (last is not null && last.Second == second)
        {
            return last.Text;
        }

        Span<char> text = stackalloc char[AmzDate.Length];
        AmzDate.Format(signingTime, text);
        var entry = new Entry(second, new string(text));
        s_last = entry;
        return entry.Text;
    }

    private sealed record Entry(long Second, string Text);
}
