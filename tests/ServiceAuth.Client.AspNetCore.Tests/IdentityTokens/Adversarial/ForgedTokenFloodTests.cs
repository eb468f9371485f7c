using System.Net;
using ServiceAuth.Client.AspNetCore.IdentityTokens.Internal;
using ServiceAuth.Client.AspNetCore.Tests.Support;

namespace ServiceAuth.Client.AspNetCore.Tests.IdentityTokens.Adversarial;

/// <summary>Issue 19 item 3: anonymous tokens that pass every local check cannot lock out a caller that verified before.</summary>
public sealed class ForgedTokenFloodTests
{
    [Fact]
    public async Task ThousandConcurrentForgedTokens_KnownCallerWithANewToken_Gets200WithinTwoSeconds()
    {
        var sts = new DelayedSts(TimeSpan.FromSeconds(1));
        await using AttackBed bed = await AttackBed.StartAsync(stsHandler: sts.On);
        sts.Time = bed.Time;
        string first = await bed.A.MintAsync();
        Task<HttpResponseMessage> warm = bed.B.GetAsync("whoami", first);
        await Eventually.UntilAsync(() => sts.InFlight == 1, "the first token reaches STS");
        bed.Time.Advance(TimeSpan.FromSeconds(1));
        (await Eventually.Within(warm)).StatusCode.ShouldBe(HttpStatusCode.OK);
        bed.Time.Advance(TimeSpan.FromMinutes(1)); // callers re-mint every minute
        string fresh = await bed.A.MintAsync();
        fresh.ShouldNotBe(first);
        IdentityTokenSchemeState state = SchemeStateOf.State(bed.B, bed.Time);

        Task<HttpResponseMessage>[] forged = [.. Enumerable.Range(0, 1000).Select(_ => bed.B.GetAsync("whoami", Forgery.Forge(first)))];
        await Eventually.UntilAsync(() => sts.InFlight == 16 && state.Gate.Waiting == 984, "the forged tokens fill the shared half of the 32 slots and wait for more");
        DateTimeOffset sent = bed.Time.GetUtcNow();
        Task<HttpResponseMessage> known = bed.B.GetAsync("whoami", fresh);
        await Eventually.UntilAsync(() => sts.InFlight == 17, "the known caller's new token reaches STS at once, on a kept slot");
        bed.Time.Advance(TimeSpan.FromMilliseconds(250));
        await Eventually.UntilAsync(() => forged.Count(f => f.IsCompleted) == 984, "the forged tokens still waiting are refused after the slot wait");
        bed.Time.Advance(TimeSpan.FromMilliseconds(750));

        using HttpResponseMessage response = await Eventually.Within(known);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (bed.Time.GetUtcNow() - sent).ShouldBeLessThanOrEqualTo(TimeSpan.FromSeconds(2));
        HttpResponseMessage[] refused = await Eventually.Within(Task.WhenAll(forged));
        refused.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Unauthorized);
        sts.Calls.ShouldBe(1 + 16 + 1, "forged tokens beyond the shared slots are refused after the slot wait, without an STS call");
    }

    [Fact]
    public async Task ForgedTokensNamingAKnownAccessKey_TakeOnlyThatKeysSlots()
    {
        var sts = new DelayedSts(TimeSpan.FromSeconds(1));
        await using AttackBed bed = await AttackBed.StartAsync(stsHandler: sts.On);
        sts.Time = bed.Time;
        string first = await bed.A.MintAsync();
        Task<HttpResponseMessage> warm = bed.B.GetAsync("whoami", first);
        await Eventually.UntilAsync(() => sts.InFlight == 1, "the first token reaches STS");
        bed.Time.Advance(TimeSpan.FromSeconds(1));
        (await Eventually.Within(warm)).StatusCode.ShouldBe(HttpStatusCode.OK);
        string knownKey = TokenSurgery.Open(first).Url.Split("X-Amz-Credential=")[1].Split("%2F")[0];
        IdentityTokenSchemeState state = SchemeStateOf.State(bed.B, bed.Time);

        Task<HttpResponseMessage>[] forged = [.. Enumerable.Range(0, 100).Select(_ => bed.B.GetAsync("whoami", Forgery.Forge(first, knownKey)))];
        await Eventually.UntilAsync(() => sts.InFlight == 4 && state.Gate.Waiting == 96, "at most 4 calls per access key are in flight");
        Task<HttpResponseMessage>[] anonymous = [.. Enumerable.Range(0, 10).Select(_ => bed.B.GetAsync("whoami", Forgery.Forge(first)))];
        await Eventually.UntilAsync(() => sts.InFlight == 14, "other access keys still reach STS");
        bed.Time.Advance(TimeSpan.FromMilliseconds(250));
        await Eventually.UntilAsync(() => forged.Count(f => f.IsCompleted) == 96, "the forged tokens waiting for the key's slots are refused after the slot wait");
        bed.Time.Advance(TimeSpan.FromMilliseconds(750));

        (await Eventually.Within(Task.WhenAll(forged.Concat(anonymous)))).ShouldAllBe(r => r.StatusCode == HttpStatusCode.Unauthorized);
    }
}
