using System.Net;
using ServiceAuth.Client.Credentials.Internal;

using ServiceAuth.Client.Signing;
using ServiceAuth.Client.Signing.Internal;
using ServiceAuth.Client.Tests.Support;
using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Tests.Signing;

/// <summary>Issue 9 item 4: a target answering <c>ExpiredToken</c> on every request forces at most one STS call per
/// cache entry every 15 seconds.</summary>
public sealed class ForcedRefreshRateLimitTests
{
    private static readonly Uri Api = new("https://abc123.execute-api.eu-west-1.amazonaws.com/prod/orders");

    [Fact]
    public async Task TargetAlwaysRejects_ForcedRefreshesAreLimitedToOnePer15Seconds()
    {
        var f = new CacheFixture();
        AssumedRoleCredentials entry = f.Entry();
        var wire = new CapturingHandler { Respond = (_, _) => CapturingHandler.Error(HttpStatusCode.Forbidden, "ExpiredToken") };
        var settings = SigningSettings.From(new SignedHttpClientOptions { BaseAddress = Api });
        using var client = new HttpClient(new SigV4DelegatingHandler(settings, entry, SigV4Signer.Shared, f.Time, null, new ClockSkewRegistry()) { InnerHandler = wire });

        for (int i = 0; i < 20; i++)
        {
            using HttpResponseMessage response = await client.GetAsync(Api);
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            f.Time.Advance(TimeSpan.FromMilliseconds(500));
        }

        f.Sts.Calls.ShouldBe(2);
        wire.Requests.Count.ShouldBe(21);

        f.Time.Advance(TimeSpan.FromSeconds(15));
        using HttpResponseMessage later = await client.GetAsync(Api);
        f.Sts.Calls.ShouldBe(3);
    }
}
