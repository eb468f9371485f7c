using Amazon.Runtime;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using ServiceAuth.Client.Credentials;
using ServiceAuth.Client.Credentials.Internal;
using ServiceAuth.Client.Protocol.Internal;

namespace ServiceAuth.Client.Benchmarks;

/// <summary>A warm assume-role cache lookup: one snapshot read and a cached completed task; goal under 50 ns, 0 bytes.</summary>
[MemoryDiagnoser]
public class AssumedRoleCredentialsBenchmark
{
    private AWSCredentials _credentials = null!;

    [GlobalSetup]
    public void Setup()
    {
        var parameters = AssumeRoleParameters.From(new AssumeRoleOptions { RoleArn = "arn:aws:iam::222233334444:role/bench" }, "eu-west-1");
        var result = new AssumeRoleResult(new ImmutableCredentials("ASIABENCH", "secret", "token"), TimeProvider.System.GetUtcNow().AddHours(1));
        _credentials = new AssumedRoleCredentials(parameters, _ => Task.FromResult(result), TimeProvider.System, SystemRandomizer.Shared, NullLogger.Instance);
        _credentials.GetCredentialsAsync().GetAwaiter().GetResult();
    }

    [Benchmark]
    public Task<ImmutableCredentials> WarmGetCredentialsAsync() => _credentials.GetCredentialsAsync();
}
