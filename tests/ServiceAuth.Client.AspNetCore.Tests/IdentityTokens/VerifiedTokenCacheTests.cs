using Microsoft.Extensions.Time.Testing;
using ServiceAuth.Client.AspNetCore.IdentityTokens.Internal;
using ServiceAuth.Client.AspNetCore.Tests.Support;

namespace ServiceAuth.Client.AspNetCore.Tests.IdentityTokens;

public sealed class VerifiedTokenCacheTests
{
    private static readonly CallerIdentity Caller =
        CallerIdentity.From(Principals.AccountA, "arn:aws:iam::111111111111:user/a", "AIDAAAAAAAAAAAAAAAAA", "aws", out _)!;

    private readonly FakeTimeProvider _time = new(Principals.Start);

    [Fact]
    public void Entry_AnswersOnlyForTheExactTokenAndUntilItsWindowEnds()
    {
        var cache = new VerifiedTokenCache(10, _time);
        cache.Add("sig", "token", Caller, Principals.Start.AddMinutes(15));

        cache.Find("sig", "token").ShouldBeSameAs(Caller);
        cache.Find("sig", "token-with-other-parameters").ShouldBeNull();
        _time.Advance(TimeSpan.FromMinutes(15));
        cache.Find("sig", "token").ShouldBeNull();
        cache.Count.ShouldBe(0);
    }

    [Fact]
    public void Full_SweepsExpiredEntries_ThenRefusesToGrow()
    {
        var cache = new VerifiedTokenCache(2, _time);
        cache.Add("a", "ta", Caller, Principals.Start.AddMinutes(1));
        cache.Add("b", "tb", Caller, Principals.Start.AddMinutes(10));

        cache.Add("c", "tc", Caller, Principals.Start.AddMinutes(10));
        cache.Find("c", "tc").ShouldBeNull("full, and nothing had expired");
        _time.Advance(TimeSpan.FromMinutes(2));
        cache.Add("c", "tc", Caller, Principals.Start.AddMinutes(10));

        cache.Find("c", "tc").ShouldBeSameAs(Caller);
        cache.Count.ShouldBe(2);
    }

    [Fact]
    public void CapacityZero_RemembersNothing()
    {
        var cache = new VerifiedTokenCache(0, _time);
        cache.Add("a", "ta", Caller, Principals.Start.AddMinutes(10));

        cache.Find("a", "ta").ShouldBeNull();
    }
}
