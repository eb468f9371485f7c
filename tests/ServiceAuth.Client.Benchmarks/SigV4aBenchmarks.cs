using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using ServiceAuth.Client.Signing;
using ServiceAuth.Client.Signing.Internal;
using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Benchmarks;

/// <summary>
/// SigV4a: signing the GET shape with a warm derived key (against SigV4 on the same request and the ECDSA floor), and
/// the key derivation a cold access key pays once.
/// </summary>
[MemoryDiagnoser]
public class SigV4aBenchmarks
{
    private readonly SigV4Signer _signer = new();
    private readonly HttpRequestMessage _request = new(HttpMethod.Get, BenchmarkData.GetUri);
    private readonly byte[] _signature = new byte[SigV4aKey.MaxSignatureLength];
    private SigV4SigningParameters _v4a = null!;
    private SigV4SigningParameters _v4 = null!;
    private ECDsa _ecdsa = null!;
    private byte[] _canonicalRequest = null!;
    private byte[] _stringToSign = null!;

    [GlobalSetup]
    public void Setup()
    {
        _v4 = new SigV4SigningParameters { Region = BenchmarkData.Region, Service = BenchmarkData.Service, SigningTime = BenchmarkData.SigningTimeUtc };
        _v4a = new SigV4SigningParameters
        {
            Region = BenchmarkData.Region,
            Service = BenchmarkData.Service,
            SigningTime = BenchmarkData.SigningTimeUtc,
            Algorithm = SignatureAlgorithm.SigV4a,
            RegionSet = "*",
        };
        var trace = new SigningTrace();
        _signer.Sign(_request, BenchmarkData.Credentials, _v4a, trace);
        _canonicalRequest = Encoding.UTF8.GetBytes(trace.CanonicalRequest);
        _stringToSign = Encoding.UTF8.GetBytes(trace.StringToSign);
        byte[] d = new byte[32];
        SigV4aKeyDerivation.DerivePrivateKey(BenchmarkData.AccessKey, BenchmarkData.SecretKey, d);
        _ecdsa = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = d });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _ecdsa.Dispose();
        _request.Dispose();
    }

    [Benchmark(Description = "SigV4a GET, warm derived key")]
    public HttpRequestMessage SignSigV4a()
    {
        _signer.Sign(_request, BenchmarkData.Credentials, _v4a);
        return _request;
    }

    [Benchmark(Baseline = true, Description = "SigV4 GET (same request)")]
    public HttpRequestMessage SignSigV4()
    {
        _signer.Sign(_request, BenchmarkData.Credentials, _v4);
        return _request;
    }

    [Benchmark(Description = "ECDSA floor: 2 SHA-256 + P-256 sign")]
    public int EcdsaFloor()
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(_canonicalRequest, digest);
        SHA256.HashData(_stringToSign, digest);
        _ecdsa.TrySignHash(digest, _signature, DSASignatureFormat.Rfc3279DerSequence, out int written);
        return written;
    }

    [Benchmark(Description = "Key derivation (KDF only)")]
    public byte DeriveKey()
    {
        Span<byte> d = stackalloc byte[32];
        SigV4aKeyDerivation.DerivePrivateKey(BenchmarkData.AccessKey, BenchmarkData.SecretKey, d);
        return d[0];
    }

    [Benchmark(Description = "Cold key: KDF + EC import (cache miss)")]
    public object ColdKey()
    {
        var key = new SigV4aKey(BenchmarkData.AccessKey, BenchmarkData.SecretKey);
        key.Retire();
        return key;
    }
}
