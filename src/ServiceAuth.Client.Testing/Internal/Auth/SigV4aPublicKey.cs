using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace ServiceAuth.Client.Testing.Internal.Auth;

/// <summary>
/// The SigV4a public key of a secret access key, as AWS derives it to verify a request. Written separately from the
/// signer on purpose (big-integer arithmetic here, constant-time byte arithmetic there): NIST SP 800-108 counter-mode
/// KDF with HMAC-SHA256 over <c>"AWS4A" + secret</c>, the candidate accepted when it is below n−1, the key being
/// candidate + 1.
/// </summary>
internal static class SigV4aPublicKey
{
    private static readonly BigInteger Order = BigInteger.Parse("0FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Creates a verify-only ECDSA key for these credentials.</summary>
    public static ECDsa Create(string accessKeyId, string secretAccessKey)
    {
        byte[] key = Encoding.UTF8.GetBytes("AWS4A" + secretAccessKey);
        for (int counter = 1; counter < 255; counter++)
        {
            using var input = new MemoryStream();
            input.Write([0, 0, 0, 1]);
            input.Write(Encoding.ASCII.GetBytes("AWS4-ECDSA-P256-SHA256"));
            input.WriteByte(0);
            input.Write(Encoding.UTF8.GetBytes(accessKeyId));
            input.WriteByte((byte)counter);
            input.Write([0, 0, 1, 0]);
            var candidate = new BigInteger(HMACSHA256.HashData(key, input.ToArray()), isUnsigned: true, isBigEndian: true);
            if (candidate > Order - 2)
            {
                continue;
            }

            byte[] d = new byte[32];
            (candidate + 1).TryWriteBytes(d.AsSpan(32 - (candidate + 1).GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true);
            using ECDsa full = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = d });
            ECParameters publicOnly = full.ExportParameters(includePrivateParameters: false);
            return ECDsa.Create(publicOnly);
        }

        throw new CryptographicException("No SigV4a key for these credentials.");
    }

    /// <summary>Verifies a hex DER ECDSA P-256 signature over SHA-256 of <paramref name="stringToSign"/>.</summary>
    public static bool Verify(string accessKeyId, string secretAccessKey, string stringToSign, string signatureHex)
    {
        byte[] signature;
        try
        {
            signature = Convert.FromHexString(signatureHex);
        }
        catch (FormatException)
        {
            return false;
        }

        using ECDsa key = Create(accessKeyId, secretAccessKey);
        return key.VerifyData(Encoding.UTF8.GetBytes(stringToSign), signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
    }
}
