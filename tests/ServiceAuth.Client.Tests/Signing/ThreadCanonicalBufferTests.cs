using System.Text;
using ServiceAuth.Client.Signing;
using ServiceAuth.Client.Signing.Internal;

namespace ServiceAuth.Client.Tests.Signing;

/// <summary>
/// Header signing writes its canonical request on the thread's own buffer: reused from one signature to the next, never
/// holding the secret key, and a request too large for it or a builder nested in another still gets the whole text.
/// </summary>
public sealed class ThreadCanonicalBufferTests
{
    [Fact]
    public void Sign_TwiceOnOneThread_ReusesTheThreadBufferWhichHoldsNoSecretKey()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.com/items?limit=25");
        SignerTestKit.Sign(request, credentials: SignerTestKit.CredentialsWithToken);
        byte[]? buffer = ByteBuilder.FreeThreadBuffer;

        using var again = new HttpRequestMessage(HttpMethod.Get, "https://example.com/other");
        SigningTrace trace = SignerTestKit.Sign(again, credentials: SignerTestKit.CredentialsWithToken);

        buffer.ShouldNotBeNull();
        ByteBuilder.FreeThreadBuffer.ShouldBeSameAs(buffer);
        buffer.AsSpan().IndexOf(Encoding.UTF8.GetBytes(trace.CanonicalRequest)).ShouldBe(0);
        buffer.AsSpan().IndexOf(Encoding.UTF8.GetBytes(SignerTestKit.Credentials.SecretKey)).ShouldBe(-1);
    }

    [Fact]
    public void Sign_CanonicalRequestLargerThanTheThreadBuffer_SignsItWholeAndKeepsTheThreadBuffer()
    {
        string value = new('v', 3 * ByteBuilder.ThreadBufferSize);
        using var large = new HttpRequestMessage(HttpMethod.Get, "https://example.com/items");
        large.Headers.TryAddWithoutValidation("x-amz-meta-large", value);
        using var same = new HttpRequestMessage(HttpMethod.Get, "https://example.com/items");
        same.Headers.TryAddWithoutValidation("x-amz-meta-large", value);

        SigningTrace trace = SignerTestKit.Sign(large);
        byte[]? buffer = ByteBuilder.FreeThreadBuffer;

        trace.CanonicalRequest.ShouldContain($"\nx-amz-meta-large:{value}\n");
        buffer.ShouldNotBeNull();
        buffer.Length.ShouldBe(ByteBuilder.ThreadBufferSize);
        SignerTestKit.Sign(same).Signature.ShouldBe(trace.Signature);
        ByteBuilder.FreeThreadBuffer.ShouldBeSameAs(buffer);
    }

    [Fact]
    public void OnThreadBuffer_WhileAnotherHoldsIt_GetsABufferOfItsOwn()
    {
        var outer = ByteBuilder.OnThreadBuffer();
        var inner = ByteBuilder.OnThreadBuffer();
        try
        {
            outer.Append("outer"u8);
            inner.Append("inner"u8);

            Encoding.ASCII.GetString(outer.Written).ShouldBe("outer");
            Encoding.ASCII.GetString(inner.Written).ShouldBe("inner");
        }
        finally
        {
            inner.Dispose();
            outer.Dispose();
        }
    }

    [Fact]
    public async Task Sign_OnManyThreadsAtOnce_EachSignatureIsItsOwnRequests()
    {
        var signer = new SigV4Signer();
        string[] expected = new string[64];
        for (int i = 0; i < expected.Length; i++)
        {
            using HttpRequestMessage request = new(HttpMethod.Get, $"https://example.com/items/{i}");
            expected[i] = SignerTestKit.Sign(request).Signature;
        }

        string[] actual = await Task.WhenAll(Enumerable.Range(0, 2000).Select(n => Task.Run(() =>
        {
            using HttpRequestMessage request = new(HttpMethod.Get, $"https://example.com/items/{n % 64}");
            var trace = new SigningTrace();
            signer.Sign(request, SignerTestKit.Credentials, SignerTestKit.Parameters(), trace);
            return trace.Signature;
        })));

        for (int n = 0; n < actual.Length; n++)
        {
            actual[n].ShouldBe(expected[n % 64]);
        }
    }
}
