namespace ServiceAuth.Client.Signing.Internal;

internal static class Hex
{
    private static ReadOnlySpan<byte> LowerDigits => "0123456789abcdef"u8;

    private static ReadOnlySpan<byte> UpperDigits => "0123456789ABCDEF"u8;

    public static void EncodeLower(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        ReadOnlySpan<byte> digits = LowerDigits;
        for (int i = 0; i < source.Length; i++)
        {
            byte b = source[i];
            destination[2 * i] = digits[b >> 4];
            destination[(2 * i) + 1] = digits[b & 0xF];
        }
    }

    public static void EncodeLower(ReadOnlySpan<byte> source, Span<char> destination)
    {
        ReadOnlySpan<byte> digits = LowerDigits;
        for (int i = 0; i < source.Length; i++)
        {
            byte b = source[i];
            destination[2 * i] = (char)digits[b >> 4];
            destination[(2 * i) + 1] = (char)digits[b & 0xF];
        }
    }

    public static byte UpperDigit(int value) => UpperDigits[value];

    public static int Value(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'F' => c - 'A' + 10,
        >= 'a' and <= 'f' => c - 'a' + 10,
        _ => -1,
    };
}
