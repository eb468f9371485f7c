using Amazon.Runtime;
using BenchmarkDotNet.Attributes;
using ServiceAuth.Client.Signing;

namespace ServiceAuth.Client.Benchmarks;

/// <summary>
/// The handler's own CPU per request, without a network: <see cref="HttpClient.SendAsync(HttpRequestMessage)"/> of the
/// <see cref="HandlerBenchmarks"/> GET to a primary handler that answers 200 at once, plain (the baseline), with the
/// signature's headers precomputed, and through <see cref="SigV4DelegatingHandler"/>.
/// </summary>
[MemoryDiagnoser]
public class HandlerOverheadBenchmarks
{
    private static readonly Uri Target = new("https://abcdef1234.execute-api.us-east-1.amazonaws.com/prod/items?limit=25");
    private HttpClient _unsigned = null!;
    private HttpClient _sameHeaders = null!;
    private HttpClient _signed = null!;

    [GlobalSetup]
    public void Setup()
    {
        var options = new SignedHttpClientOptions
        {
            Region = BenchmarkData.Region,
            Service = BenchmarkData.Service,
            Credentials = new SessionAWSCredentials(BenchmarkData.AccessKey, BenchmarkData.SecretKey, BenchmarkData.SessionToken),
        };
        var capture = new SignatureHeaderCapture();
        using (var client = new HttpClient(new SigV4DelegatingHandler(options) { InnerHandler = capture }))
        {
            client.GetAsync(Target).GetAwaiter().GetResult().Dispose();
        }

        _unsigned = new HttpClient(new SignatureHeaderCapture { Recording = false });
        _sameHeaders = new HttpClient(new FixedHeadersHandler(capture.Added) { InnerHandler = new SignatureHeaderCapture { Recording = false } });
        _signed = new HttpClient(new SigV4DelegatingHandler(options) { InnerHandler = new SignatureHeaderCapture { Recording = false } });
    }

    [Benchmark(Baseline = true, Description = "Unsigned")]
    public Task Unsigned() => SendAsync(_unsigned);

    [Benchmark(Description = "Unsigned + the signature's headers, precomputed")]
    public Task SameHeaders() => SendAsync(_sameHeaders);

    [Benchmark(Description = "Signed (SigV4DelegatingHandler)")]
    public Task Signed() => SendAsync(_signed);

    private static async Task SendAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Target);
        using HttpResponseMessage response = await client.SendAsync(request).ConfigureAwait(false);
    }
}
