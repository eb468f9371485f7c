using System.Security.Cryptography;
using System.Text;

namespace ServiceAuth.Client.Testing.Internal.Auth;

/// <summary>Hashing and HMAC helpers of the verifier. Written separately from the signer on purpose.</summary>
internal static class SigV4Crypto
{
    public static string Sha256Hex(byte[] data) => Hex(SHA256.HashData(data));

    public static string Sha256Hex(string text) => Sha256Hex(Encoding.UTF8.GetBytes(text));

    public static string Signature(string secretAccessKey, string date, string region, string service, string stringToSign)
    {
        byte[] key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), Encoding.UTF8.GetBytes(date));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(region));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(service));
        key = HMACSHA256.HashData(key, "aws4_request"u8.ToArray());
        return Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
    }

    public static string Hex(byte[] bytes)
    {
        const string Digits = "0123456789abcdef";
        return string.Create(bytes.Length * 2, bytes, static (span, b) =>
        {
            for (int i = 0; i < b.Length; i++)
            {
                span[2 * i] = Digits[b[i] >> 4];
                span[(2 * i) + 1] = Digits[b[i] & 0xF];
            }
        });
    }

    public static bool FixedTimeEquals(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(actual));
}
