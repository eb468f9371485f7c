using Amazon.Runtime;
using ServiceAuth.Client.Credentials.Internal;

namespace ServiceAuth.Client.Tests.Credentials;

/// <summary>Issue 19 item 20: while the default chain's blocking lookup runs (instance metadata can take seconds), async
/// callers wait on its task instead of each blocking a thread-pool thread on a lock.</summary>
public sealed class DefaultChainConcurrencyTests
{
    [Fact]
    public async Task SlowLookup_ConcurrentAsyncCallers_ReturnAtOnceAndShareOneLookup()
    {
        using var release = new ManualResetEventSlim();
        int lookups = 0;
        var chain = new DefaultChainCredentials(() =>
        {
            Interlocked.Increment(ref lookups);
            release.Wait(TimeSpan.FromSeconds(30));
            return new BasicAWSCredentials("AKIDCHAIN", "chain-secret");
        }, new FakeTimeProvider());
        Task<ImmutableCredentials> first = Task.Run(chain.GetCredentialsAsync);
        await Eventually.UntilAsync(() => Volatile.Read(ref lookups) == 1, "the lookup is under way");

        var waiting = new Task<ImmutableCredentials>[50];
        var caller = new Thread(() =>
        {
            for (int i = 0; i < waiting.Length; i++)
            {
                waiting[i] = chain.GetCredentialsAsync();
            }
        });
        caller.Start();
        bool returnedWhileLookupRuns = caller.Join(TimeSpan.FromSeconds(10));
        release.Set();
        caller.Join();
        ImmutableCredentials[] all = await Task.WhenAll(waiting.Append(first));

        returnedWhileLookupRuns.ShouldBeTrue("an async caller blocked its thread while the lookup ran");
        all.ShouldAllBe(c => c.AccessKey == "AKIDCHAIN");
        lookups.ShouldBe(1);
    }
}
