using System.Net;
using ServiceAuth.Client.Signing;
using ServiceAuth.Client.Signing.Internal;
using ServiceAuth.Client.Tests.Support;
using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Tests.Signing;

/// <summary>Issue 9 item 10: clock offsets are bounded, expire, are keyed by scheme+host+port, and are never learned from
/// a plain-http answer of a non-loopback host.</summary>
public sealed class ClockSkewBoundsTests
{
    [Fact]
    public void Offsets_AreKeyedBySchemeHostAndPort()
    {
        var skew = new ClockSkewRegistry(new FakeTimeProvider());

        skew.Set(new Uri("http://127.0.0.1:5001/a"), TimeSpan.FromMinutes(15)).ShouldBeTrue();

        skew.Get(new Uri("http://127.0.0.1:5001/b")).ShouldBe(TimeSpan.FromMinutes(15));
        skew.Get(new Uri("http://127.0.0.1:5002/a")).ShouldBe(TimeSpan.Zero);
        skew.Get(new Uri("https://127.0.0.1:5001/a")).ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void Offsets_Expire_AndAreBounded()
    {
        var time = new FakeTimeProvider();
        var skew = new ClockSkewRegistry(time);
        var api = new Uri("https://api.example.com/");

        skew.Set(api, ClockSkewRegistry.MaxOffset + TimeSpan.FromSeconds(1)).ShouldBeFalse();
        skew.Get(api).ShouldBe(TimeSpan.Zero);
        skew.Set(api, -TimeSpan.FromMinutes(15)).ShouldBeTrue();
        time.Advance(ClockSkewRegistry.Lifetime - TimeSpan.FromSeconds(1));
        skew.Get(api).ShouldBe(-TimeSpan.FromMinutes(15));
        time.Advance(TimeSpan.FromSeconds(1));
        skew.Get(api).ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public async Task PlainHttpNonLoopbackAnswer_TeachesNoOffset_AndIsReturnedAsIs()
    {
        var time = new FakeTimeProvider();
        var skew = new ClockSkewRegistry(time);
        var api = new Uri("http://internal.example.com/orders");
        var wire = new CapturingHandler { Respond = (_, _) => CapturingHandler.Error(HttpStatusCode.Forbidden, "RequestTimeTooSkewed", time.GetUtcNow().AddMinutes(30)) };
        var settings = SigningSettings.From(new SignedHttpClientOptions { Region = "eu-west-1", Service = "execute-api", AllowInsecureHttp = true });
        using var client = new HttpClient(new SigV4DelegatingHandler(settings, TestCredentials.Session(), SigV4Signer.Shared, time, null, skew) { InnerHandler = wire });

        using HttpResponseMessage response = await client.GetAsync(api);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        wire.Requests.Count.ShouldBe(1);
        skew.Get(api).ShouldBe(TimeSpan.Zero);
    }
}
