using Amazon.Runtime;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using ServiceAuth.Client.AspNetCore.IdentityTokens.Internal;
using ServiceAuth.Client.IdentityTokens;

namespace ServiceAuth.Client.Benchmarks;

/// <summary>
/// IAM identity tokens without the network: minting one (a presign, no reuse), and the verifier's local work on one —
/// strict decoding and every check before STS — plus a verified-cache hit, which is what a reused token costs.
/// </summary>
[MemoryDiagnoser]
public class IdentityTokenBenchmarks
{
    private ServiceProvider _services = null!;
    private IIamIdentityTokenProvider _provider = null!;
    private AllowedStsHosts _hosts = null!;
    private VerifiedTokenCache _cache = null!;
    private string _token = null!;
    private string _longToken = null!;
    private byte[] _tokenBytes = null!;
    private byte[] _longTokenBytes = null!;
    private readonly System.Security.Cryptography.IncrementalHash _sha256 = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);

    [GlobalSetup]
    public async Task Setup()
    {
        var services = new ServiceCollection();
        services.AddHttpClient("orders").AddIamIdentityToken(o =>
        {
            o.Audience = "orders";
            o.StsRegion = "eu-west-1";
            o.CacheDuration = TimeSpan.Zero;
            o.Credentials = new SessionAWSCredentials("ASIAEXAMPLEEXAMPLE12", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", new string('T', 800));
        });
        _services = services.BuildServiceProvider();
        _provider = _services.GetRequiredKeyedService<IIamIdentityTokenProvider>("orders");
        _token = (await _provider.GetTokenAsync()).Value;
        _hosts = new AllowedStsHosts(["aws"], []);
        _cache = new VerifiedTokenCache(10_000, TimeProvider.System);
        ValidatedStsRequest request = Check() ?? throw new InvalidOperationException("The minted token does not pass the checks.");
        CallerIdentity identity = CallerIdentity.From("111111111111", "arn:aws:iam::111111111111:user/a", "AIDAAAAAAAAAAAAAAAAAA", "aws", out _)!;
        _cache.Add(_token, new VerifiedToken(identity, TimeProvider.System.GetUtcNow(), "orders", "IamIdentityToken", "IamIdentityToken"));
        _longToken = _token + new string('A', 2 * _token.Length); // only the cache key matters here: 3× the length
        _cache.Add(_longToken, new VerifiedToken(identity, TimeProvider.System.GetUtcNow(), "orders", "IamIdentityToken", "IamIdentityToken"));
        _tokenBytes = System.Text.Encoding.ASCII.GetBytes(_token);
        _longTokenBytes = System.Text.Encoding.ASCII.GetBytes(_longToken);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        _sha256.Dispose();
    }

    [Benchmark(Description = "Mint a token (presign, 800-char session token)")]
    public async Task<IamIdentityToken> Mint() => await _provider.GetTokenAsync();

    [Benchmark(Description = "Verifier: decode + every local check")]
    public bool LocalChecks() => Check() is not null;

    [Benchmark(Description = "Verifier: cache hit on the raw token (one hash)")]
    public bool CacheHit() => _cache.Find(_token) is not null;

    [Benchmark(Description = "Verifier: cache hit, a token 3× as long")]
    public bool CacheHitLong() => _cache.Find(_longToken) is not null;

    [Benchmark(Description = "SHA-256 of the token's bytes (the floor of a whole-token key)")]
    public byte HashFloor() => Hash(_tokenBytes);

    [Benchmark(Description = "SHA-256 of the 3×-long token's bytes")]
    public byte HashFloorLong() => Hash(_longTokenBytes);

    private byte Hash(byte[] bytes)
    {
        Span<byte> digest = stackalloc byte[32];
        _sha256.AppendData(bytes);
        _sha256.GetHashAndReset(digest);
        return digest[0];
    }

    private ValidatedStsRequest? Check()
    {
        if (IdentityTokenReader.TryRead(_token, 8192, out DecodedToken? decoded) is not null)
        {
            return null;
        }

        return StsRequestValidator.Validate(decoded!, _hosts, out ValidatedStsRequest? request) is null ? request : null;
    }
}
