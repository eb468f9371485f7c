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
        VerifiedToken entry = Entry(Principals.Start);
        cache.Add("token", entry);

        cache.Find("token").ShouldBeSameAs(entry);
        cache.Find("token-with-other-parameters").ShouldBeNull();
        cache.Find("Token").ShouldBeNull();
        cache.Find("xtoken".AsSpan(1)).ShouldBeSameAs(entry, "the raw header value is looked up as a span, without a copy");
        _time.Advance(TimeSpan.FromMinutes(15));
        cache.Find("token").ShouldBeNull();
        cache.Count.ShouldBe(0);
    }

    [Fact]
    public void Full_SweepsExpiredEntries_ThenRefusesToGrow()
    {
        var cache = new VerifiedTokenCache(2, _time);
        cache.Add("ta", Entry(Principals.Start.AddMinutes(-14)));
        cache.Add("tb", Entry(Principals.Start.AddMinutes(-5)));

        cache.Add("tc", Entry(Principals.Start.AddMinutes(-5)));
        cache.Find("tc").ShouldBeNull("full, and nothing had expired");
        _time.Advance(TimeSpan.FromMinutes(2));
        cache.Add("tc", Entry(Principals.Start.AddMinutes(-5)));

        cache.Find("tc").ShouldNotBeNull();
        cache.Count.ShouldBe(2);
    }

    [Fact]
    public void CapacityZero_RemembersNothing()
    {
        var cache = new VerifiedTokenCache(0, _time);
        cache.Add("ta", Entry(Principals.Start));

        cache.Find("ta").ShouldBeNull();
    }

    [Fact]
    public void Entry_KeepsClaimsBuiltOnce_AndClonesAreIndependent()
    {
        VerifiedToken entry = Entry(Principals.Start);

        var clone = (IamIdentityTokenIdentity)entry.Claims.Clone();
        clone.AddClaim(new System.Security.Claims.Claim("added", "by the application"));

        entry.Claims.Claims.Count().ShouldBe(5);
        clone.Claims.Count().ShouldBe(6);
        clone.AuthenticationType.ShouldBe("IamIdentityToken");
    }

    private static VerifiedToken Entry(DateTimeOffset signedAt) => new(Caller, signedAt, "service-b", "IamIdentityToken", "IamIdentityToken");
}
