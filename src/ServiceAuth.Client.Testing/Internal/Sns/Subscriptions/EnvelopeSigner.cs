using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace ServiceAuth.Client.Testing.Internal.Sns.Subscriptions;

/// <summary>
/// The endpoint's SNS signing key: a self-signed RSA 2048 certificate for <c>sns.amazonaws.com</c>, made once per
/// endpoint and served as PEM at <see cref="Path"/>. Signatures are RSA PKCS#1 v1.5 over the string to sign, with SHA-1
/// (SignatureVersion 1) or SHA-256 (SignatureVersion 2), base64-encoded, as SNS signs.
/// </summary>
internal sealed class EnvelopeSigner
{
    public const string Path = "/SimpleNotificationService-local.pem";

    private readonly RSA _key;

    public EnvelopeSigner(DateTimeOffset now)
    {
        _key = RSA.Create(2048);
        var request = new CertificateRequest("CN=sns.amazonaws.com", _key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("sns.amazonaws.com");
        request.CertificateExtensions.Add(names.Build());
        using X509Certificate2 withKey = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
#if NET9_0_OR_GREATER
        Certificate = X509CertificateLoader.LoadCertificate(withKey.Export(X509ContentType.Cert));
#else
        Certificate = new X509Certificate2(withKey.Export(X509ContentType.Cert));
#endif
        Pem = Certificate.ExportCertificatePem();
    }

    /// <summary>Gets the certificate without its private key.</summary>
    public X509Certificate2 Certificate { get; }

    public string Pem { get; }

    public string Sign(string stringToSign, int signatureVersion)
    {
#pragma warning disable CA5350 // SignatureVersion 1 is SHA1withRSA by SNS's definition; the verifier side decides whether to accept it.
        HashAlgorithmName hash = signatureVersion == 2 ? HashAlgorithmName.SHA256 : HashAlgorithmName.SHA1;
#pragma warning restore CA5350
        return Convert.ToBase64String(_key.SignData(Encoding.UTF8.GetBytes(stringToSign), hash, RSASignaturePadding.Pkcs1));
    }
}
