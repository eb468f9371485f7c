using ServiceAuth.Client.Tests.Support;
using System.Net.Http.Headers;
using System.Text;
using ServiceAuth.Client.Signing;
using ServiceAuth.Client.Signing.Internal;
using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Tests.Signing;

/// <summary>Body pitfalls (sigv4-peers-and-pitfalls.md §3.3): hashing must not eat the body, and must be bounded.</summary>
public sealed class SigV4SignerPayloadTests
{
    private static readonly byte[] Data = Encoding.ASCII.GetBytes("0123456789abcdefghij");

    [Fact]
    public async Task Sign_SeekableStreamContent_HashesFromItsStartAndRestoresThePosition()
    {
        using var wire = new WireCapture();
        var stream = new MemoryStream(Data) { Position = 3 };
        using var request = new HttpRequestMessage(HttpMethod.Put, $"http://127.0.0.1:{wire.Port}/doc") { Content = new StreamContent(stream) };

        SigningTrace trace = SignerTestKit.Sign(request);

        SignerTestKit.PayloadHash(trace).ShouldBe(SignerTestKit.Sha256Hex(Data[3..]));
        stream.Position.ShouldBe(3);
        (_, byte[] body) = await wire.SendAsync(request);
        body.ShouldBe(Data[3..]);
    }

    [Fact]
    public async Task SignAsync_SeekableStreamContent_HashesAndRestoresThePosition()
    {
        var stream = new MemoryStream(Data);
        using var request = new HttpRequestMessage(HttpMethod.Put, "https://example.amazonaws.com/doc") { Content = new StreamContent(stream) };

        await new SigV4Signer().SignAsync(request, SignerTestKit.Credentials, SignerTestKit.Parameters("s3"));

        request.Headers.GetValues("x-amz-content-sha256").ShouldBe([SignerTestKit.Sha256Hex(Data)]);
        stream.Position.ShouldBe(0);
        (await request.Content.ReadAsByteArrayAsync()).ShouldBe(Data);
    }

    [Fact]
    public async Task Sign_NonSeekableBodyUnderTheLimit_IsBufferedHashedAndSentIntact()
    {
        using var wire = new WireCapture();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{wire.Port}/doc") { Content = new StreamContent(new NonSeekableStream(Data)) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var trace = new SigningTrace();

        new SigV4Signer().Sign(request, SignerTestKit.Credentials, SignerTestKit.Parameters(maxBuffered: Data.Length), trace);

        SignerTestKit.PayloadHash(trace).ShouldBe(SignerTestKit.Sha256Hex(Data));
        SignerTestKit.CanonicalHeaderLines(trace).ShouldContain("content-type:application/octet-stream");
        (List<KeyValuePair<string, string>> headers, byte[] body) = await wire.SendAsync(request);
        body.ShouldBe(Data);
        headers.ShouldContain(new KeyValuePair<string, string>("Content-Type", "application/octet-stream"));
    }

    [Fact]
    public void Sign_NonSeekableBodyOverTheLimit_ThrowsSigningExceptionWithoutSigning()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://example.amazonaws.com/doc") { Content = new StreamContent(new NonSeekableStream(Data)) };

        SigningException error = Should.Throw<SigningException>(() =>
            new SigV4Signer().Sign(request, SignerTestKit.Credentials, SignerTestKit.Parameters(maxBuffered: Data.Length - 1)));

        error.Message.ShouldContain("MaxBufferedPayloadBytes");
        request.Headers.Contains("Authorization").ShouldBeFalse();
    }

    [Fact]
    public async Task SignAsync_NonSeekableBodyOverTheLimit_ThrowsSigningExceptionWithoutSigning()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://example.amazonaws.com/doc") { Content = new StreamContent(new NonSeekableStream(Data)) };

        await Should.ThrowAsync<SigningException>(async () =>
            await new SigV4Signer().SignAsync(request, SignerTestKit.Credentials, SignerTestKit.Parameters(maxBuffered: 4)));

        request.Headers.Contains("Authorization").ShouldBeFalse();
    }

    [Fact]
    public void Sign_UnsignedPayload_NeverReadsTheBody()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "https://example.amazonaws.com/doc") { Content = new StreamContent(new NonSeekableStream(Data, throwOnRead: true)) };
        var trace = new SigningTrace();

        new SigV4Signer().Sign(request, SignerTestKit.Credentials, SignerTestKit.Parameters(payload: PayloadSigningMode.UnsignedPayload), trace);

        SignerTestKit.PayloadHash(trace).ShouldBe("UNSIGNED-PAYLOAD");
        request.Headers.GetValues("x-amz-content-sha256").ShouldBe(["UNSIGNED-PAYLOAD"]);
    }

    [Fact]
    public void Sign_PrecomputedContentSha256Header_IsUsedVerbatimWithoutReadingTheBody()
    {
        string hash = SignerTestKit.Sha256Hex(Data);
        using var request = new HttpRequestMessage(HttpMethod.Put, "https://example.amazonaws.com/doc") { Content = new StreamContent(new NonSeekableStream(Data, throwOnRead: true)) };
        request.Headers.TryAddWithoutValidation("x-amz-content-sha256", hash);

        SigningTrace trace = SignerTestKit.Sign(request, "s3");

        SignerTestKit.PayloadHash(trace).ShouldBe(hash);
        request.Headers.GetValues("x-amz-content-sha256").ShouldBe([hash]);
    }
}
