using System.Runtime.InteropServices;

namespace ServiceAuth.Client.Signing.Internal;

internal static class Hex
{
    /// <summary>Both lowercase hex digits of every byte value, little-endian: one 16-bit store per byte.</summary>
    private static readonly ushort[] LowerPairs = CreatePairs();

    private static ReadOnlySpan<byte> LowerDigits => "0123456789abcdef"u8;

    private static ReadOnlySpan<byte> UpperDigits => "0123456789ABCDEF"u8;

    public static void EncodeLower(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        Span<ushort> pairs = MemoryMarshal.Cast<byte, ushort>(destination[..(2 * source.Length)]);
        ushort[] table = LowerPairs;
        for (int i = 0; i < source.Length; i++)
        {
            pairs[i] = table[source[i]];
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

    private static ushort[] CreatePairs()
    {
        var pairs = new ushort[256];
        Span<byte> two = stackalloc byte[2];
        for (int b = 0; b < 256; b++)
        {
            two[0] = LowerDigits[b >> 4];
            two[1] = LowerDigits[b & 0xF];
            pairs[b] = MemoryMarshal.Read<ushort>(two);
        }

        return pairs;
    }
}
