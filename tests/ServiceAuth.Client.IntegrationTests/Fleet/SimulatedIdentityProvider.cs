using System.Collections.Concurrent;
using ServiceAuth.Client.ClientCredentials.Internal;

namespace ServiceAuth.Client.IntegrationTests.Fleet;

/// <summary>The token endpoint of the simulated fleet: counts its requests and when (fake time) they came, issues tokens of
/// <see cref="Lifetime"/>, and fails while <see cref="Down"/> is set.</summary>
internal sealed class SimulatedIdentityProvider(TimeProvider time)
{
    private int _issued;

    public TimeSpan Lifetime { get; init; } = TimeSpan.FromHours(1);

    public bool Down { get; set; }

    public ConcurrentQueue<DateTimeOffset> Requests { get; } = new();

    public int Count => Requests.Count;

    public Task<AccessToken> FetchAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset now = time.GetUtcNow();
        Requests.Enqueue(now);
        if (Down)
        {
            return Task.FromException<AccessToken>(new HttpRequestException("The identity provider is down."));
        }

        int n = Interlocked.Increment(ref _issued);
        return Task.FromResult(new AccessToken($"token-{n}", now + Lifetime));
    }
}
