using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Signing.Internal;

/// <summary>Formats the signing time as <c>yyyyMMddTHHmmssZ</c> (the first 8 characters are the scope date).</summary>
internal static class AmzDate
{
    public const int Length = 16;

    public static void Format(DateTimeOffset time, Span<char> destination)
    {
        DateTime utc = time.UtcDateTime;
        Write4(destination, utc.Year);
        Write2(destination[4..], utc.Month);
        Write2(destination[6..], utc.Day);
        destination[8] = 'T';
        Write2(destination[9..], utc.Hour);
        Write2(destination[11..], utc.Minute);
        Write2(destination[13..], utc.Second);
        destination[15] = 'Z';
    }

    private static void Write4(Span<char> destination, int value)
    {
        destination[0] = (char)('0' + (value / 1000));
        destination[1] = (char)('0' + (value / 100 % 10));
        destination[2] = (char)('0' + (value / 10 % 10));
        destination[3] = (char)('0' + (value % 10));
    }

    private static void Write2(Span<char> destination, int value)
    {
        destination[0] = (char)('0' + (value / 10));
        destination[1] = (char)('0' + (value % 10));
    }
}
