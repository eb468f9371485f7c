using System.Collections.Concurrent;
using System.Net;
using ServiceAuth.Client.ClientCredentials.Internal;
using ServiceAuth.Client.Tests.ClientCredentials;
using ServiceAuth.Client.Tests.Support;

namespace ServiceAuth.Client.Tests.Credentials.RefreshAhead;

/// <summary>The OAuth client-credentials token cache as a <see cref="RefreshSubject"/>.</summary>
public sealed class TokenSubject : RefreshSubject
{
    public const string Name = "client-credentials tokens";

    private readonly TokenEntryFixture _fixture;
    private readonly TokenEntry _entry;
    private readonly ConcurrentDictionary<string, AccessToken> _served = new();
    private int _lifetimeSeconds = 3600;

    public TokenSubject(TimeProvider? clock)
    {
        _fixture = new TokenEntryFixture(clock: clock);
        _fixture.Endpoint.Respond = n => FakeTokenEndpoint.Token($"token-{n}", Volatile.Read(ref _lifetimeSeconds));
        _entry = _fixture.Entry();
    }

    public override FakeTimeProvider Time => _fixture.Time;

    public override int Calls => _fixture.Endpoint.Calls;

    public override TimeSpan Lifetime
    {
        set => Volatile.Write(ref _lifetimeSeconds, (int)value.TotalSeconds);
    }

    public override Action? FailingRefreshPaused
    {
        set => _entry.FailingRefreshPaused = value;
    }

    public override Task? PendingRefresh => _entry.PendingRefresh;

    public override void Fail() => _fixture.Endpoint.Respond = _ => FakeTokenEndpoint.Json(HttpStatusCode.ServiceUnavailable, "{}");

    public override void Succeed() => _fixture.Endpoint.Respond = n => FakeTokenEndpoint.Token($"token-{n}", Volatile.Read(ref _lifetimeSeconds));

    public override async Task<string> GetAsync()
    {
        AccessToken token = await _entry.GetTokenAsync(CancellationToken.None);
        _served[token.Value] = token;
        return token.Value;
    }

    public override bool Invalidate(string identity) => _served.TryGetValue(identity, out AccessToken? token) && _entry.Invalidate(token);

    public override bool Holds(string identity) => string.Equals(_entry.Snapshot.Value?.Value, identity, StringComparison.Ordinal);
}
