using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ServiceAuth.Client.Caching.Internal;
using ServiceAuth.Client.ClientCredentials.Internal;
using ServiceAuth.Client.Protocol.Internal;

namespace ServiceAuth.Client.IntegrationTests.Fleet;

/// <summary>
/// N "processes" in one test process: each is its own <see cref="ServiceProvider"/> holding only what a process of the
/// fleet holds for one client (its shared-token store over the fleet's store and lease, its token cache entry with its own
/// random refresh offset), on one fake clock. The key ring is shared, as a fleet configures it.
/// </summary>
internal sealed class FleetOfProcesses : IDisposable
{
    private const string Client = "client 'fleet' at https://auth.example/oauth2/token";
    private readonly List<ServiceProvider> _containers = [];
    private readonly List<TokenEntry> _entries = [];
    private readonly List<DistributedTokenStore> _stores = [];

    public FleetOfProcesses(int size, FakeTimeProvider time, IDistributedCache cache, ISharedTokenLease? lease, SimulatedIdentityProvider idp)
    {
        Time = time;
        IDataProtectionProvider keyRing = new EphemeralDataProtectionProvider();
        var seeds = new Random(size);
        for (int i = 0; i < size; i++)
        {
            var services = new ServiceCollection();
            services.AddSingleton(_ => new DistributedTokenStore(cache, new SharedTokenProtector(keyRing), time, NullLoggerFactory.Instance, lease));
            ServiceProvider container = services.BuildServiceProvider();
            DistributedTokenStore store = container.GetRequiredService<DistributedTokenStore>();
            _containers.Add(container);
            _stores.Add(store);
            _entries.Add(new TokenEntry(Client, c => store.GetOrFetchAsync("fleet", Client, idp.FetchAsync, c), time, new SystemRandomizer(new Random(seeds.Next())), NullLogger.Instance, null, store.Rejected));
        }
    }

    public FakeTimeProvider Time { get; }

    /// <summary>Whether a process is running on a thread now (the fleet's clock may move only when none is).</summary>
    public ProcessActivity Activity { get; } = new();

    /// <summary>Every process asks for its token at once; returns the tokens, the failures and the longest wait (real time).</summary>
    public async Task<(AccessToken?[] Tokens, int Failures, TimeSpan LongestWait)> CallAllAsync()
    {
        long longest = 0;
        int failures = 0;
        AccessToken?[] tokens = await Task.WhenAll(_entries.Select(async entry =>
        {
            long started = TimeProvider.System.GetTimestamp();
            try
            {
                // ConfigureAwait(false) here and below: a continuation posted to xunit's synchronization context is
                // neither on the thread pool's queue nor in a process's context, and the driven clock would not see it.
                return await Activity.RunAsync(() => entry.GetTokenAsync(CancellationToken.None).AsTask()).ConfigureAwait(false);
            }
            catch (ServiceAuth.Client.ClientCredentials.TokenUnavailableException)
            {
                Interlocked.Increment(ref failures);
                return null;
            }
            finally
            {
                long waited = TimeProvider.System.GetTimestamp() - started;
                InterlockedMax(ref longest, waited);
            }
        })).ConfigureAwait(false);
        await SettleAsync().ConfigureAwait(false);
        return (tokens, failures, TimeSpan.FromSeconds((double)longest / TimeProvider.System.TimestampFrequency));
    }

    /// <summary>Runs the fleet for <paramref name="duration"/> of fake time, every process asking for its token every
    /// <paramref name="step"/> (background refreshes and shared writes settle before each step).</summary>
    public async Task RunAsync(TimeSpan duration, TimeSpan step)
    {
        for (TimeSpan run = TimeSpan.Zero; run < duration; run += step)
        {
            Time.Advance(step);
            await CallAllAsync();
        }
    }

    /// <summary>Waits for the background refreshes the last calls started, and for the shared writes behind them.</summary>
    public async Task SettleAsync()
    {
        foreach (TokenEntry entry in _entries)
        {
            if (entry.PendingRefresh is { } refresh)
            {
                await ((Task)refresh).ContinueWith(static _ => { }, TaskScheduler.Default);
            }
        }

        await Task.WhenAll(_stores.Select(s => s.LastWrite));
    }

    public void Dispose()
    {
        foreach (ServiceProvider container in _containers)
        {
            container.Dispose();
        }
    }

    private static void InterlockedMax(ref long target, long value)
    {
        long seen;
        while (value > (seen = Interlocked.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
