using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using ServiceAuth.Client.IntegrationTests.Testing;

namespace ServiceAuth.Client.IntegrationTests.Caching;

/// <summary>Issue 19 item 17: a distributed cache that hangs or fails on writes does not delay a cold process's token,
/// and the log says what happened.</summary>
public sealed class WriteBehindTests : IDisposable
{
    private readonly DirectoryInfo _keys = Directory.CreateTempSubdirectory("serviceauth-dp-");

    [Fact]
    public async Task SharedWriteHangsThenFails_TheCallerIsNotDelayed_AndTheLogSaysTheWriteFailed()
    {
        await using CognitoFixture f = await CognitoFixture.CreateAsync(inMemory: false);
        var cache = new StalledWriteCache();
        var logs = new FakeLoggerProvider();
        var target = new CapturingHandler();
        using ServiceProvider process = FleetProcess.Start(f, _keys, target, logs: logs, cache: cache);

        Task<HttpResponseMessage> call = FleetProcess.CallAsync(process);
        HttpResponseMessage response = await call.WaitAsync(TimeSpan.FromSeconds(20));
        bool writePendingWhenAnswered = !cache.WriteEnded;
        cache.Release.SetException(new TimeoutException("redis timed out"));
        await FleetProcess.WrittenAsync(process);

        response.EnsureSuccessStatusCode();
        writePendingWhenAnswered.ShouldBeTrue();
        string log = string.Join("\n", logs.Collector.Lines());
        log.ShouldContain("[523] Could not write the shared access token");
        log.ShouldNotContain("[521]");
    }

    public void Dispose() => _keys.Delete(recursive: true);

    /// <summary>Reads find nothing; every write waits for <see cref="Release"/> and ends as it does.</summary>
    private sealed class StalledWriteCache : IDistributedCache
    {
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool WriteEnded { get; private set; }

        public byte[]? Get(string key) => null;

        public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => Task.FromResult<byte[]?>(null);

        public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => SetAsync(key, value, options).GetAwaiter().GetResult();

        public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
        {
            try
            {
                await Release.Task;
            }
            finally
            {
                WriteEnded = true;
            }
        }

        public void Refresh(string key)
        {
        }

        public Task RefreshAsync(string key, CancellationToken token = default) => Task.CompletedTask;

        public void Remove(string key)
        {
        }

        public Task RemoveAsync(string key, CancellationToken token = default) => Task.CompletedTask;
    }
}
