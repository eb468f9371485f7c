using System.Buffers;
using System.Net;
using System.Text;
using ServiceAuth.Client.Signing.Internal;
using ServiceAuth.Client.Sns;
using ServiceAuth.Client.Sns.Internal;
using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Tests.Protocol;

/// <summary>Issue 9 item 11: pooled buffers are cleared before they go back, a sent body never shares a pooled buffer,
/// and an echoed Authorization value is redacted from exception messages.</summary>
public sealed class SecretsInMemoryAndMessagesTests
{
    private static readonly byte[] Secret = Encoding.ASCII.GetBytes("X-Amz-Security-Token:SESSION-TOKEN-SECRET");

    [Fact]
    public void ByteBuilder_ClearsItsPooledBufferBeforeReturningIt()
    {
        var builder = new ByteBuilder(4096);
        builder.Append(Secret);
        builder.Dispose();

        byte[] next = ArrayPool<byte>.Shared.Rent(4096);
        ArrayPool<byte>.Shared.Return(next);

        next.AsSpan().IndexOf(Secret).ShouldBe(-1);
    }

    [Fact]
    public async Task FormWriter_ContentStaysIntactAfterTheWriterIsDisposed_AndThePoolIsCleared()
    {
        var writer = new FormWriter(4096);
        writer.Add("", "Message", "SNS-BODY-SECRET");
        ByteArrayContent content = writer.ToContent();
        writer.Dispose();

        byte[] reused = ArrayPool<byte>.Shared.Rent(4096);
        string leftover = Encoding.ASCII.GetString(reused);
        reused.AsSpan().Fill((byte)'X');
        ArrayPool<byte>.Shared.Return(reused);

        leftover.ShouldNotContain("SNS-BODY-SECRET");
        (await content.ReadAsStringAsync()).ShouldBe("Message=SNS-BODY-SECRET");
    }

    [Fact]
    public void SnsException_EchoedAuthorization_HasSignatureAndCredentialRedacted()
    {
        const string echoed = "Authorization header requires 'Signature' parameter. Authorization=AWS4-HMAC-SHA256 " +
            "Credential=ASIAEXAMPLEKEY123456/20261122/eu-west-1/sns/aws4_request, SignedHeaders=host;x-amz-date, Signature=0123456789abcdef0123456789abcdef";

        var e = new SnsException("IncompleteSignature", echoed, "Sender", "r-1", HttpStatusCode.BadRequest);

        e.ToString().ShouldNotContain("ASIAEXAMPLEKEY123456");
        e.ToString().ShouldNotContain("0123456789abcdef0123456789abcdef");
        e.ErrorMessage!.ShouldContain("Signature=[redacted]");
        e.ErrorMessage!.ShouldContain("Credential=[redacted]");
    }
}
