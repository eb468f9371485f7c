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
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark(Description = "Mint a token (presign, 800-char session token)")]
    public async Task<IamIdentityToken> Mint() => await _provider.GetTokenAsync();

    [Benchmark(Description = "Verifier: decode + every local check")]
    public bool LocalChecks() => Check() is not null;

    [Benchmark(Description = "Verifier: cache hit on the raw token (one hash)")]
    public bool CacheHit() => _cache.Find(_token) is not null;

    private ValidatedStsRequest? Check()
    {
        if (IdentityTokenReader.TryRead(_token, 8192, out DecodedToken? decoded) is not null)
        {
            return null;
        }

        return StsRequestValidator.Validate(decoded!, _hosts, out ValidatedStsRequest? request) is null ? request : null;
    }
}
