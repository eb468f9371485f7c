using System.Net;
using Microsoft.Extensions.Time.Testing;
using ServiceAuth.Client.AspNetCore.Cognito.Internal;

namespace ServiceAuth.Client.AspNetCore.Tests.Cognito;

/// <summary>Issue 18: the JWKS gate's 5-minute interval is a duration, measured with timestamps, so a wall clock stepped
/// back an hour does not keep a rotated key unknown for an hour.</summary>
public sealed class JwksRefreshGateTests
{
    private const string Metadata = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_pool/.well-known/openid-configuration";

    [Fact]
    public async Task Interval_WallClockSteppedBackAnHour_StillEndsAfter5Minutes()
    {
        var clock = new SteppedClock();
        var gate = new JwksRefreshGate(clock);
        var metadata = new CountingHandler();
        using var backchannel = new HttpClient(metadata);

        await gate.GetKeysAsync(Metadata, backchannel, requireHttps: true);
        await gate.GetKeysAsync(Metadata, backchannel, requireHttps: true);
        int withinInterval = metadata.Calls;
        clock.Step = -TimeSpan.FromHours(1);
        clock.Fake.Advance(JwksRefreshGate.MinInterval + TimeSpan.FromSeconds(1));
        await gate.GetKeysAsync(Metadata, backchannel, requireHttps: true);

        withinInterval.ShouldBe(1);
        metadata.Calls.ShouldBe(2);
    }

    private sealed class SteppedClock : TimeProvider
    {
        public FakeTimeProvider Fake { get; } = new();

        public TimeSpan Step { get; set; }

        public override long TimestampFrequency => Fake.TimestampFrequency;

        public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow() + Step;

        public override long GetTimestamp() => Fake.GetTimestamp();
    }

    private sealed class CountingHandler : HttpMessageHandler
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound));
        }
    }
}
