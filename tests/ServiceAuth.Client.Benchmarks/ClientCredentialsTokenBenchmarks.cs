using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using ServiceAuth.Client.ClientCredentials.Internal;
using ServiceAuth.Client.Protocol.Internal;

namespace ServiceAuth.Client.Benchmarks;

/// <summary>
/// The client-credentials token cache: a warm lookup (one snapshot read, the token in a completed ValueTask; goal under
/// 50 ns and 0 bytes), and 1,000 concurrent cold lookups of a fresh entry, which must make exactly one token request
/// (the benchmark throws otherwise).
/// </summary>
[MemoryDiagnoser]
public class ClientCredentialsTokenBenchmarks
{
    private TokenEntry _warm = null!;

    [GlobalSetup]
    public void Setup()
    {
        var token = new AccessToken("eyJ.bench.sig", TimeProvider.System.GetUtcNow().AddHours(1));
        _warm = new TokenEntry("client 'bench'", _ => Task.FromResult(token), TimeProvider.System, SystemRandomizer.Shared, NullLogger.Instance);
        _warm.GetTokenAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Returns the token as <see cref="object"/> (the type is internal); a warm ValueTask is already complete.</summary>
    [Benchmark]
    public object WarmGetTokenAsync() => _warm.GetTokenAsync(CancellationToken.None).Result;

    [Benchmark(OperationsPerInvoke = 1000)]
    public async Task Cold1000ConcurrentOneRequest()
    {
        int requests = 0;
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entry = new TokenEntry("client 'bench'", async _ =>
        {
            Interlocked.Increment(ref requests);
            await gate.Task.ConfigureAwait(false);
            return new AccessToken("eyJ.bench.sig", TimeProvider.System.GetUtcNow().AddHours(1));
        }, TimeProvider.System, SystemRandomizer.Shared, NullLogger.Instance);

        var callers = new Task<AccessToken>[1000];
        for (int i = 0; i < callers.Length; i++)
        {
            callers[i] = entry.GetTokenAsync(CancellationToken.None).AsTask();
        }

        gate.SetResult();
        await Task.WhenAll(callers).ConfigureAwait(false);
        if (requests != 1)
        {
            throw new InvalidOperationException($"1,000 cold lookups made {requests} token requests; expected 1.");
        }
    }
}
