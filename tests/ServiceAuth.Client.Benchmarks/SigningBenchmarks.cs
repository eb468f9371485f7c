using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace ServiceAuth.Client.Benchmarks;

/// <summary>
/// Signing one request, per request shape: our <c>SigV4Signer</c>, AWSSDK.Core's public <c>AWSSigV4Signer</c> (the
/// baseline of each category), its internal <c>AWS4Signer</c>, and three floors: the two hash operations on reused native
/// contexts (the hash floor), the same plus the three signature headers put on the request (the write floor, the
/// reference our signer is held to), and the hash operations as one-shot calls. The GET also has our signer without
/// <c>x-amz-content-sha256</c> (three signature headers, as the write floor puts) beside its own write floor, and that
/// floor with its hashes on OpenSSL directly (as our signer does them on Linux), which shows our managed work. Each call
/// signs the same prepared request again, so the allocations are the signer's, not the request's construction.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class SigningBenchmarks
{
    private const string Get = "GET, 800-char token";
    private const string Post1KiB = "POST 1 KiB JSON";
    private const string Post1MiB = "POST 1 MiB";
    private const string Hash1MiB = "Payload hash 1 MiB";

    private SigningCase _get = null!;
    private SigningCase _getThreeHeaders = null!;
    private OpenSslWriteFloor _openSslFloor = null!;
    private SigningCase _post1KiB = null!;
    private SigningCase _post1MiB = null!;

    [GlobalSetup]
    public void Setup()
    {
        _get = SigningCase.Get();
        _getThreeHeaders = SigningCase.GetWithoutContentSha256();
        _openSslFloor = _getThreeHeaders.OpenSslFloor();
        _post1KiB = SigningCase.PostJson1KiB();
        _post1MiB = SigningCase.PostBinary1MiB();
        _get.Verify();
        _getThreeHeaders.VerifyWithoutContentSha256(_get);
        _post1KiB.Verify();
        _post1MiB.Verify();
    }

    [Benchmark(Baseline = true, Description = "AWSSigV4Signer")]
    [BenchmarkCategory(Get)]
    public HttpRequestMessage Get_AwsSigV4Signer() => _get.SignFacade();

    [Benchmark(Description = "AWS4Signer (internal)")]
    [BenchmarkCategory(Get)]
    public string Get_Aws4Signer() => _get.SignAws4();

    [Benchmark(Description = "SigV4Signer (ours)")]
    [BenchmarkCategory(Get)]
    public HttpRequestMessage Get_Ours() => _get.SignOurs();

    [Benchmark(Description = "SigV4Signer (ours), no x-amz-content-sha256")]
    [BenchmarkCategory(Get)]
    public HttpRequestMessage Get_OursThreeHeaders() => _getThreeHeaders.SignOurs();

    [Benchmark(Description = "Floor: reused contexts")]
    [BenchmarkCategory(Get)]
    public byte Get_Floor() => _get.ReusedContextFloor();

    [Benchmark(Description = "Floor: reused contexts + header writes")]
    [BenchmarkCategory(Get)]
    public byte Get_WriteFloor() => _get.WriteFloor();

    [Benchmark(Description = "Floor: reused contexts + header writes, no x-amz-content-sha256")]
    [BenchmarkCategory(Get)]
    public byte Get_WriteFloorThreeHeaders() => _getThreeHeaders.WriteFloor();

    [Benchmark(Description = "Floor: OpenSSL directly + header writes, no x-amz-content-sha256")]
    [BenchmarkCategory(Get)]
    public byte Get_OpenSslWriteFloorThreeHeaders() => _openSslFloor.WriteFloor();

    [Benchmark(Description = "Floor: one-shot calls")]
    [BenchmarkCategory(Get)]
    public byte Get_OneShotFloor() => _get.OneShotFloor();

    [Benchmark(Baseline = true, Description = "AWSSigV4Signer")]
    [BenchmarkCategory(Post1KiB)]
    public HttpRequestMessage Post1KiB_AwsSigV4Signer() => _post1KiB.SignFacade();

    [Benchmark(Description = "AWS4Signer (internal)")]
    [BenchmarkCategory(Post1KiB)]
    public string Post1KiB_Aws4Signer() => _post1KiB.SignAws4();

    [Benchmark(Description = "SigV4Signer (ours)")]
    [BenchmarkCategory(Post1KiB)]
    public HttpRequestMessage Post1KiB_Ours() => _post1KiB.SignOurs();

    [Benchmark(Description = "Floor: reused contexts")]
    [BenchmarkCategory(Post1KiB)]
    public byte Post1KiB_Floor() => _post1KiB.ReusedContextFloor();

    [Benchmark(Description = "Floor: reused contexts + header writes")]
    [BenchmarkCategory(Post1KiB)]
    public byte Post1KiB_WriteFloor() => _post1KiB.WriteFloor();

    [Benchmark(Description = "Floor: one-shot calls")]
    [BenchmarkCategory(Post1KiB)]
    public byte Post1KiB_OneShotFloor() => _post1KiB.OneShotFloor();

    [Benchmark(Baseline = true, Description = "AWSSigV4Signer")]
    [BenchmarkCategory(Post1MiB)]
    public HttpRequestMessage Post1MiB_AwsSigV4Signer() => _post1MiB.SignFacade();

    [Benchmark(Description = "AWS4Signer (internal)")]
    [BenchmarkCategory(Post1MiB)]
    public string Post1MiB_Aws4Signer() => _post1MiB.SignAws4();

    [Benchmark(Description = "SigV4Signer (ours)")]
    [BenchmarkCategory(Post1MiB)]
    public HttpRequestMessage Post1MiB_Ours() => _post1MiB.SignOurs();

    [Benchmark(Description = "Floor: reused contexts")]
    [BenchmarkCategory(Post1MiB)]
    public byte Post1MiB_Floor() => _post1MiB.ReusedContextFloor();

    [Benchmark(Description = "Floor: reused contexts + header writes")]
    [BenchmarkCategory(Post1MiB)]
    public byte Post1MiB_WriteFloor() => _post1MiB.WriteFloor();

    [Benchmark(Description = "Floor: one-shot calls")]
    [BenchmarkCategory(Post1MiB)]
    public byte Post1MiB_OneShotFloor() => _post1MiB.OneShotFloor();

    [Benchmark(Baseline = true, Description = "SHA256.HashData")]
    [BenchmarkCategory(Hash1MiB)]
    public byte Hash1MiB_Raw() => _post1MiB.HashPayloadRaw();

    [Benchmark(Description = "PayloadHasher (ours)")]
    [BenchmarkCategory(Hash1MiB)]
    public string Hash1MiB_Ours() => _post1MiB.HashPayloadOurs();
}
