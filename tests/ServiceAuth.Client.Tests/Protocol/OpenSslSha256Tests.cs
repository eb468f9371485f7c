using System.Security.Cryptography;
using ServiceAuth.Client.Protocol.Internal;

namespace ServiceAuth.Client.Tests.Protocol;

/// <summary>The signer's direct OpenSSL SHA-256 and HMAC give exactly the runtime's results, and are in use on Linux
/// (so these comparisons, and every signing test, exercise them rather than the fallback).</summary>
public sealed class OpenSslSha256Tests
{
    public static TheoryData<int> Lengths => [0, 1, 55, 56, 63, 64, 65, 119, 120, 128, 1000, 1151, 4096, 70_000];

    [Fact]
    public void IsAvailable_OnLinux_IsTrue()
    {
        OpenSslSha256.IsAvailable.ShouldBe(OperatingSystem.IsLinux());
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Hash_AnyLength_EqualsTheRuntimesSha256(int length)
    {
        if (!InUse())
        {
            return;
        }

        byte[] data = RandomBytes(length, length);
        byte[] digest = new byte[32];

        OpenSslSha256.Hash(data, digest);

        digest.ShouldBe(SHA256.HashData(data));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 10)]
    [InlineData(32, 150)]
    [InlineData(32, 1151)]
    [InlineData(64, 64)]
    [InlineData(65, 55)]
    [InlineData(200, 3000)]
    public void Hmac_AnyKeyAndLength_EqualsTheRuntimesHmac(int keyLength, int dataLength)
    {
        if (!InUse())
        {
            return;
        }

        byte[] key = RandomBytes(keyLength, 1);
        byte[] data = RandomBytes(dataLength, 2);
        var hmac = new OpenSslHmacSha256(key);
        byte[] first = new byte[32];
        byte[] second = new byte[32];

        hmac.Compute(data, first);
        hmac.Compute(data, second);

        first.ShouldBe(HMACSHA256.HashData(key, data));
        second.ShouldBe(first, "the key's states are resumed from copies, not consumed");
    }

    [Fact]
    public void Hmac_SharedAcrossThreads_GivesEachCallerItsOwnResult()
    {
        if (!InUse())
        {
            return;
        }

        byte[] key = RandomBytes(32, 3);
        var hmac = new OpenSslHmacSha256(key);
        byte[][] messages = Enumerable.Range(0, 64).Select(i => RandomBytes(100 + i, i)).ToArray();

        byte[][] results = new byte[messages.Length][];
        Parallel.For(0, messages.Length * 50, i =>
        {
            int m = i % messages.Length;
            byte[] digest = new byte[32];
            hmac.Compute(messages[m], digest);
            results[m] = digest;
        });

        for (int m = 0; m < messages.Length; m++)
        {
            results[m].ShouldBe(HMACSHA256.HashData(key, messages[m]));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(1000)]
    public void Incremental_InPiecesAndReused_EqualsTheRuntimesSha256(int piece)
    {
        bool direct = InUse();
        byte[] first = RandomBytes(5000, piece);
        byte[] second = RandomBytes(77, piece + 1);
        using var sha256 = new FastIncrementalSha256();
        byte[] digest = new byte[32];

        for (int i = 0; i < first.Length; i += piece)
        {
            sha256.AppendData(first.AsSpan(i, Math.Min(piece, first.Length - i)));
        }

        sha256.GetHashAndReset(digest);
        digest.ShouldBe(SHA256.HashData(first), direct ? "OpenSSL directly" : "the runtime's API");
        sha256.AppendData(second);
        sha256.GetHashAndReset(digest);
        digest.ShouldBe(SHA256.HashData(second), "after a reset the hash starts empty");
        sha256.GetHashAndReset(digest);
        digest.ShouldBe(SHA256.HashData([]));
    }

    [Fact]
    public void Load_WithThePlatformCryptoOnlySwitch_FindsNothing()
    {
        bool available = OpenSslSha256.IsAvailable;
        AppContext.SetSwitch(OpenSslSha256Probe.PlatformCryptoOnlySwitch, true);
        try
        {
            OpenSslSha256Probe.Load().IsFound.ShouldBeFalse();
        }
        finally
        {
            AppContext.SetSwitch(OpenSslSha256Probe.PlatformCryptoOnlySwitch, false);
        }

        OpenSslSha256Probe.Load().IsFound.ShouldBe(available, "without the switch the probe finds what the process uses");
    }

    /// <summary>Whether OpenSSL is used directly here: on Linux it must be (else the test fails), elsewhere it is not
    /// and there is nothing to compare.</summary>
    private static bool InUse()
    {
        OpenSslSha256.IsAvailable.ShouldBe(OperatingSystem.IsLinux());
        return OpenSslSha256.IsAvailable;
    }

    private static byte[] RandomBytes(int length, int seed)
    {
        byte[] bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
