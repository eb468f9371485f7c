using System.Net.Http.Headers;
using ServiceAuth.Client.Protocol.Internal;

namespace ServiceAuth.Client.Benchmarks;

/// <summary>
/// The write floor of a GET (<see cref="SigningCase.WriteFloor"/>) with its two hash operations on OpenSSL directly, as
/// our signer now does them on Linux (<see cref="OpenSslSha256"/>, <see cref="OpenSslHmacSha256"/>) instead of on the
/// runtime's reused contexts: what is left over it is our signer's own managed work. For reading that work, beside the
/// issue's floor; it is not the floor our signer is held to.
/// </summary>
internal sealed class OpenSslWriteFloor
{
    private readonly byte[] _canonicalRequest;
    private readonly byte[] _stringToSign;
    private readonly OpenSslHmacSha256 _hmac;
    private readonly HttpRequestMessage _request;
    private readonly string[] _values;

    public OpenSslWriteFloor(byte[] canonicalRequest, byte[] stringToSign, byte[] signingKey, Uri uri, string[] values)
    {
        if (!OpenSslSha256.IsAvailable)
        {
            throw new PlatformNotSupportedException("OpenSSL is used directly only on Linux (and not in FIPS mode).");
        }

        _canonicalRequest = canonicalRequest;
        _stringToSign = stringToSign;
        _hmac = new OpenSslHmacSha256(signingKey);
        _values = values;
        _request = new HttpRequestMessage(HttpMethod.Get, uri);
        for (int i = 0; i < values.Length; i++)
        {
            _request.Headers.TryAddWithoutValidation(SigningCase.SignatureHeaderNames[i], values[i]);
        }
    }

    /// <summary>SHA-256 of the canonical request and the HMAC of the string to sign, on OpenSSL directly.</summary>
    public byte HashFloor()
    {
        Span<byte> digest = stackalloc byte[32];
        OpenSslSha256.Hash(_canonicalRequest, digest);
        _hmac.Compute(_stringToSign, digest);
        return digest[0];
    }

    /// <summary><see cref="HashFloor"/>, then the three signature headers put on the request, as the write floor does.</summary>
    public byte WriteFloor()
    {
        byte result = HashFloor();
        HttpRequestHeaders headers = _request.Headers;
        string[] names = SigningCase.SignatureHeaderNames;
        for (int i = 0; i < names.Length; i++)
        {
            headers.Remove(names[i]);
            headers.TryAddWithoutValidation(names[i], _values[i]);
        }

        return result;
    }
}
