using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ServiceAuth.Client.ClientCredentials;
using ServiceAuth.Client.ClientCredentials.Internal;
using ServiceAuth.Client.Protocol.Internal;
using ServiceAuth.Client.Tests.Support;

namespace ServiceAuth.Client.Tests.ClientCredentials;

/// <summary>A token cache on fake time (or on <c>clock</c>, whose timestamps follow <see cref="Time"/>) whose fetches go through <see cref="Endpoint"/> with the real Duende-based client.</summary>
public sealed class TokenEntryFixture
{
    public TokenEntryFixture(string clientId = "client-a", TimeProvider? clock = null)
    {
        Time = clock is SteppedWallClock stepped ? stepped.Fake : clock as FakeTimeProvider ?? new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
        clock ??= Time;
        Options = new ClientCredentialsTokenOptions
        {
            TokenEndpoint = new Uri("https://pool.auth.eu-west-1.amazoncognito.com/oauth2/token"),
            ClientId = clientId,
            ClientSecret = "s3cr3t-value",
        };
        Options.Scopes.Add("orders/read");
        Cache = new ClientCredentialsTokenCache(
            options => new TokenEndpointClient(options, () => new HttpMessageInvoker(Endpoint, disposeHandler: false), clock, NullLogger.Instance).RequestAsync,
            clock,
            null,
            new NoRefreshJitter(new SystemRandomizer(new Random(42))));
    }

    public FakeTimeProvider Time { get; }

    public FakeTokenEndpoint Endpoint { get; } = new();

    public ClientCredentialsTokenOptions Options { get; }

    internal ClientCredentialsTokenCache Cache { get; }

    internal TokenEntry Entry() => Cache.GetEntry(Options);
}
