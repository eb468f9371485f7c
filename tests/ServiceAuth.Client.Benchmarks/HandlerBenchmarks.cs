using Amazon.Runtime;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using ServiceAuth.Client.Signing;

namespace ServiceAuth.Client.Benchmarks;

/// <summary>
/// Requests per second through <see cref="HttpClient"/> against a loopback Kestrel server: a plain
/// <see cref="SocketsHttpHandler"/> (the baseline) versus <see cref="SigV4DelegatingHandler"/> over the same kind of handler,
/// sequentially and with 8 requests in flight. Server and client share the machine. Mean is per request; requests/s is
/// 1 s divided by the mean.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class HandlerBenchmarks
{
    private const int SequentialRequests = 64;
    private const int Concurrency = 8;
    private const int RequestsPerWorker = 16;
    private const int ConcurrentRequests = Concurrency * RequestsPerWorker;

    private LoopbackServer _server = null!;
    private HttpClient _unsigned = null!;
    private HttpClient _signed = null!;
    private HttpClient _sameHeaders = null!;
    private HttpClient _hashFloor = null!;
    private Uri _uri = null!;

    [GlobalSetup]
    public void Setup()
    {
        _server = LoopbackServer.StartAsync().GetAwaiter().GetResult();
        _uri = new Uri(_server.BaseAddress, "/prod/items?limit=25");
        _unsigned = new HttpClient(NewPrimaryHandler());
        var options = new SignedHttpClientOptions
        {
            Region = BenchmarkData.Region,
            Service = BenchmarkData.Service,
            Credentials = new SessionAWSCredentials(BenchmarkData.AccessKey, BenchmarkData.SecretKey, BenchmarkData.SessionToken),
        };
        _signed = new HttpClient(new SigV4DelegatingHandler(options) { InnerHandler = NewPrimaryHandler() });

        List<KeyValuePair<string, string>> headers = SignatureHeaders(options);
        _sameHeaders = new HttpClient(new FixedHeadersHandler(headers) { InnerHandler = NewPrimaryHandler() });
        _hashFloor = new HttpClient(new HashFloorHandler() { InnerHandler = new FixedHeadersHandler(headers) { InnerHandler = NewPrimaryHandler() } });

        // Fail fast if a client cannot reach the server; this also opens the first connections.
        SendAsync(_unsigned).GetAwaiter().GetResult();
        SendAsync(_signed).GetAwaiter().GetResult();
        SendAsync(_sameHeaders).GetAwaiter().GetResult();
        SendAsync(_hashFloor).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _unsigned.Dispose();
        _signed.Dispose();
        _sameHeaders.Dispose();
        _hashFloor.Dispose();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = SequentialRequests, Description = "Unsigned")]
    [BenchmarkCategory("Sequential")]
    public Task Sequential_Unsigned() => SequentialAsync(_unsigned);

    [Benchmark(OperationsPerInvoke = SequentialRequests, Description = "Signed (SigV4DelegatingHandler)")]
    [BenchmarkCategory("Sequential")]
    public Task Sequential_Signed() => SequentialAsync(_signed);

    [Benchmark(OperationsPerInvoke = SequentialRequests, Description = "Unsigned + the signature's headers, precomputed")]
    [BenchmarkCategory("Sequential")]
    public Task Sequential_SameHeaders() => SequentialAsync(_sameHeaders);

    [Benchmark(OperationsPerInvoke = SequentialRequests, Description = "Wire floor + a signature's hashing (handler floor)")]
    [BenchmarkCategory("Sequential")]
    public Task Sequential_HashFloor() => SequentialAsync(_hashFloor);

    [Benchmark(Baseline = true, OperationsPerInvoke = ConcurrentRequests, Description = "Unsigned")]
    [BenchmarkCategory("8 concurrent")]
    public Task Concurrent_Unsigned() => ConcurrentAsync(_unsigned);

    [Benchmark(OperationsPerInvoke = ConcurrentRequests, Description = "Signed (SigV4DelegatingHandler)")]
    [BenchmarkCategory("8 concurrent")]
    public Task Concurrent_Signed() => ConcurrentAsync(_signed);

    [Benchmark(OperationsPerInvoke = ConcurrentRequests, Description = "Unsigned + the signature's headers, precomputed")]
    [BenchmarkCategory("8 concurrent")]
    public Task Concurrent_SameHeaders() => ConcurrentAsync(_sameHeaders);

    [Benchmark(OperationsPerInvoke = ConcurrentRequests, Description = "Wire floor + a signature's hashing (handler floor)")]
    [BenchmarkCategory("8 concurrent")]
    public Task Concurrent_HashFloor() => ConcurrentAsync(_hashFloor);

    /// <summary>The headers the signing handler adds to this benchmark's request, captured from one signed send.</summary>
    private List<KeyValuePair<string, string>> SignatureHeaders(SignedHttpClientOptions options)
    {
        var capture = new SignatureHeaderCapture();
        using var client = new HttpClient(new SigV4DelegatingHandler(options) { InnerHandler = capture });
        client.GetAsync(_uri).GetAwaiter().GetResult().Dispose();
        return capture.Added;
    }

    private static SocketsHttpHandler NewPrimaryHandler() => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        MaxConnectionsPerServer = Concurrency,
    };

    private async Task SequentialAsync(HttpClient client)
    {
        for (int i = 0; i < SequentialRequests; i++)
        {
            await SendAsync(client).ConfigureAwait(false);
        }
    }

    private Task ConcurrentAsync(HttpClient client)
    {
        var workers = new Task[Concurrency];
        for (int w = 0; w < workers.Length; w++)
        {
            workers[w] = Worker(client);
        }

        return Task.WhenAll(workers);

        async Task Worker(HttpClient c)
        {
            for (int i = 0; i < RequestsPerWorker; i++)
            {
                await SendAsync(c).ConfigureAwait(false);
            }
        }
    }

    private async Task SendAsync(HttpClient client)
    {
        using HttpResponseMessage response = await client.GetAsync(_uri).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        _ = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
    }
}
