using ServiceAuth.Client.Signing.Internal;
using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Tests.Signing;

public sealed class HexTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(33)]
    [InlineData(72)]
    public void EncodeLower_AnyLength_WritesLowercaseHexOfEveryByte(int length)
    {
        byte[] source = new byte[length];
        new Random(length).NextBytes(source);
        source.AsSpan(0, Math.Min(length, 2)).Fill(0xF0);
        byte[] destination = new byte[(2 * length) + 3];

        Hex.EncodeLower(source, destination);

        System.Text.Encoding.ASCII.GetString(destination, 0, 2 * length).ShouldBe(Convert.ToHexString(source).ToLowerInvariant());
        destination.AsSpan(2 * length).ToArray().ShouldAllBe(b => b == 0);
    }
}
