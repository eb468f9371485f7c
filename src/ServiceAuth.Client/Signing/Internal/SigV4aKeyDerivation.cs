using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Signing.Internal;

/// <summary>
/// Derives the SigV4a ECDSA P-256 private key from a secret access key exactly as aws-c-auth does
/// (<c>source/key_derivation.c</c>): NIST SP 800-108 counter-mode KDF with HMAC-SHA256, key <c>"AWS4A" + secret</c>,
/// fixed input <c>0x00000001 || "AWS4-ECDSA-P256-SHA256" || 0x00 || access key id || counter || 0x00000100</c>; the
/// counter runs from 1 until the candidate is at most n−2, and the private key is the candidate plus one.
/// </summary>
internal static class SigV4aKeyDerivation
{
    public const int KeyLength = 32;

    private const int MaxCounter = 254;

    /// <summary>Gets n−2, n being the order of the P-256 group, big-endian.</summary>
    private static ReadOnlySpan<byte> OrderMinusTwo =>
    [
        0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xBC, 0xE6, 0xFA, 0xAD, 0xA7, 0x17, 0x9E, 0x84, 0xF3, 0xB9, 0xCA, 0xC2, 0xFC, 0x63, 0x25, 0x4F,
    ];

    /// <summary>Writes the 32-byte big-endian private scalar to <paramref name="privateKey"/>.</summary>
    public static void DerivePrivateKey(string accessKeyId, string secretAccessKey, Span<byte> privateKey)
    {
        int secretLength = 5 + Encoding.UTF8.GetByteCount(secretAccessKey);
        byte[] secret = GC.AllocateUninitializedArray<byte>(secretLength, pinned: true);
        int inputLength = 32 + Encoding.UTF8.GetByteCount(accessKeyId);
        Span<byte> input = inputLength <= 256 ? stackalloc byte[inputLength] : new byte[inputLength];
        try
        {
            "AWS4A"u8.CopyTo(secret);
            Encoding.UTF8.GetBytes(secretAccessKey, secret.AsSpan(5));
            BinaryPrimitives.WriteUInt32BigEndian(input, 1);
            "AWS4-ECDSA-P256-SHA256"u8.CopyTo(input[4..]);
            input[26] = 0;
            int counterAt = 27 + Encoding.UTF8.GetBytes(accessKeyId, input[27..]);
            BinaryPrimitives.WriteUInt32BigEndian(input[(counterAt + 1)..], 256);
            for (int counter = 1; counter <= MaxCounter; counter++)
            {
                input[counterAt] = (byte)counter;
                HMACSHA256.HashData(secret, input, privateKey);
                if (CompareConstantTime(privateKey, OrderMinusTwo) <= 0)
                {
                    AddOneConstantTime(privateKey);
                    return;
                }
            }

            // The probability of reaching this is about 2^(-32 * 254).
            throw new CryptographicException("No SigV4a key could be derived from these credentials.");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    /// <summary>Compares two big-endian integers of equal length without branching on their bytes: −1, 0 or 1.</summary>
    internal static int CompareConstantTime(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        int gt = 0;
        int eq = 1;
        for (int i = 0; i < left.Length; i++)
        {
            int l = left[i];
            int r = right[i];
            gt |= ((r - l) >>> 31) & eq;
            eq &= (((l ^ r) - 1) >>> 31) & 1;
        }

        return gt + gt + eq - 1;
    }

    /// <summary>Adds one to a big-endian integer in place without branching on its bytes.</summary>
    internal static void AddOneConstantTime(Span<byte> value)
    {
        uint carry = 1;
        for (int i = value.Length - 1; i >= 0; i--)
        {
            uint digit = value[i] + carry;
            carry = (digit >> 8) & 1;
            value[i] = (byte)digit;
        }
    }
}
