using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Signing.Internal;

internal static class Hex
{
    /// <summary>Both lowercase hex digits of every byte value, little-endian: one 16-bit store per byte.</summary>
    private static readonly ushort[] LowerPairs = CreatePairs();

    private static ReadOnlySpan<byte> LowerDigits => "0123456789abcdef"u8;

    private static ReadOnlySpan<byte> UpperDigits => "0123456789ABCDEF"u8;

    public static void EncodeLower(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        destination = destination[..(2 * source.Length)];
        int i = 0;
        if (Ssse3.IsSupported)
        {
            // 16 bytes at a time: each nibble picks its digit with one shuffle, and the high and low digits are
            // interleaved (a digest is two rounds).
            Vector128<byte> digits = Vector128.Create(LowerDigits);
            Vector128<byte> low = Vector128.Create((byte)0x0F);
            ref byte from = ref MemoryMarshal.GetReference(source);
            ref byte to = ref MemoryMarshal.GetReference(destination);
            for (; i + 16 <= source.Length; i += 16)
            {
                Vector128<byte> bytes = Vector128.LoadUnsafe(ref from, (nuint)i);
                Vector128<byte> high = Ssse3.Shuffle(digits, Vector128.ShiftRightLogical(bytes.AsUInt16(), 4).AsByte() & low);
                Vector128<byte> lowDigits = Ssse3.Shuffle(digits, bytes & low);
                Sse2.UnpackLow(high, lowDigits).StoreUnsafe(ref to, (nuint)(2 * i));
                Sse2.UnpackHigh(high, lowDigits).StoreUnsafe(ref to, (nuint)((2 * i) + 16));
            }
        }

        Span<ushort> pairs = MemoryMarshal.Cast<byte, ushort>(destination);
        ushort[] table = LowerPairs;
        for (; i < source.Length; i++)
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
