using System.Security.Cryptography;

namespace ServiceAuth.Client.Testing.Internal.Cognito;

/// <summary>One RSA 2048 key of a pool, with its <c>kid</c>.</summary>
internal sealed class SigningKey
{
    public SigningKey(string keyId, RSA rsa)
    {
        KeyId = keyId;
        Rsa = rsa;
        RSAParameters p = rsa.ExportParameters(includePrivateParameters: false);
        Modulus = Base64Url.Encode(p.Modulus!);
        Exponent = Base64Url.Encode(p.Exponent!);
    }

    public string KeyId { get; }

    public RSA Rsa { get; }

    public string Modulus { get; }

    public string Exponent { get; }
}
