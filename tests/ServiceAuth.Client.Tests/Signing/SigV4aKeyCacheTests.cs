using System.Security.Cryptography;
using ServiceAuth.Client.Signing.Internal;
using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Tests.Signing;

public sealed class SigV4aKeyCacheTests
{
    private const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    private static readonly byte[] Digest = SHA256.HashData("string to sign"u8);

    private readonly FakeTimeProvider _time = new(TestClock.Start);

    [Fact]
    public void Get_SameAccessKeyAndSecret_ReturnsTheCachedKey()
    {
        var cache = new SigV4aKeyCache(4, _time);

        SigV4aKey first = cache.Get("AKID1", Secret);

        cache.Get("AKID1", Secret).ShouldBeSameAs(first);
        cache.Count.ShouldBe(1);
    }

    [Fact]
    public void Get_SameAccessKeyOtherSecret_DerivesAnotherKey()
    {
        var cache = new SigV4aKeyCache(4, _time);

        SigV4aKey right = cache.Get("AKID1", Secret);
        SigV4aKey wrong = cache.Get("AKID1", "x" + Secret);

        wrong.ShouldNotBeSameAs(right);
        wrong.PublicKey().X.ShouldNotBe(right.PublicKey().X);
    }

    [Fact]
    public void Get_MoreAccessKeysThanCapacity_RetiresTheLeastRecentlyUsed()
    {
        var cache = new SigV4aKeyCache(2, _time);
        SigV4aKey a = cache.Get("A", Secret);
        SigV4aKey b = cache.Get("B", Secret);
        cache.Get("A", Secret);

        cache.Get("C", Secret);

        cache.Count.ShouldBe(2);
        b.SignHash(Digest, new byte[SigV4aKey.MaxSignatureLength]).ShouldBe(-1, "a retired key has no private key left");
        a.SignHash(Digest, new byte[SigV4aKey.MaxSignatureLength]).ShouldBeGreaterThan(0);
        cache.Get("B", Secret).ShouldNotBeSameAs(b);
    }

    [Fact]
    public void Get_KeyIdleForAnHour_IsRetired()
    {
        var cache = new SigV4aKeyCache(4, _time);
        SigV4aKey idle = cache.Get("A", Secret);
        _time.Advance(TimeSpan.FromMinutes(30));
        SigV4aKey used = cache.Get("B", Secret);
        _time.Advance(TimeSpan.FromMinutes(31));

        cache.Get("C", Secret);

        cache.Count.ShouldBe(2);
        idle.SignHash(Digest, new byte[SigV4aKey.MaxSignatureLength]).ShouldBe(-1);
        used.SignHash(Digest, new byte[SigV4aKey.MaxSignatureLength]).ShouldBeGreaterThan(0);
    }

    [Fact]
    public void SignHash_KeyRetiredMeanwhile_DerivesItAgainAndSigns()
    {
        var cache = new SigV4aKeyCache(1, _time);
        SigV4aKey first = cache.Get("A", Secret);
        cache.Get("B", Secret);
        byte[] signature = new byte[SigV4aKey.MaxSignatureLength];

        int written = cache.SignHash("A", Secret, Digest, signature);

        using ECDsa verifier = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = cache.Get("A", Secret).PublicKey() });
        verifier.VerifyHash(Digest, signature.AsSpan(0, written), DSASignatureFormat.Rfc3279DerSequence).ShouldBeTrue();
        first.SignHash(Digest, signature).ShouldBe(-1);
    }

    [Fact]
    public async Task SignHash_ManyThreads_EverySignatureVerifies()
    {
        var cache = new SigV4aKeyCache(4, _time);
        using ECDsa verifier = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = cache.Get("A", Secret).PublicKey() });

        bool[] results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() =>
        {
            byte[] signature = new byte[SigV4aKey.MaxSignatureLength];
            bool all = true;
            for (int i = 0; i < 20; i++)
            {
                int written = cache.SignHash("A", Secret, Digest, signature);
                all &= verifier.VerifyHash(Digest, signature.AsSpan(0, written), DSASignatureFormat.Rfc3279DerSequence);
            }

            return all;
        })));

        results.ShouldAllBe(ok => ok);
    }

    [Theory]
    [InlineData("00ff", "00fe", 1)]
    [InlineData("00fe", "00ff", -1)]
    [InlineData("0100", "00ff", 1)]
    [InlineData("abcd", "abcd", 0)]
    public void CompareConstantTime_OrdersBigEndianIntegers(string left, string right, int expected) =>
        SigV4aKeyDerivation.CompareConstantTime(Convert.FromHexString(left), Convert.FromHexString(right)).ShouldBe(expected);

    [Theory]
    [InlineData("00ff", "0100")]
    [InlineData("01ffff", "020000")]
    [InlineData("0000", "0001")]
    public void AddOneConstantTime_CarriesAcrossBytes(string value, string expected)
    {
        byte[] bytes = Convert.FromHexString(value);

        SigV4aKeyDerivation.AddOneConstantTime(bytes);

        Convert.ToHexStringLower(bytes).ShouldBe(expected);
    }
}
