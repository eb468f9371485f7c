using System.Net;
using System.Net.Http.Headers;
using ServiceAuth.Client.AspNetCore.IdentityTokens;
using ServiceAuth.Client.AspNetCore.Tests.Support;

namespace ServiceAuth.Client.AspNetCore.Tests.IdentityTokens;

/// <summary>STS connections that break while the answer is read still end in a plain 401, never a 500.</summary>
public sealed class StsTransportFaultTests
{
    [Fact]
    public async Task ConnectionDropsWhileTheAnswerIsRead_IsRefusedWithAPlain401()
    {
        StubStsHandler sts = new((_, _) => Task.FromResult(Answer(new BrokenStream(), length: 400)));
        await using AttackBed bed = await AttackBed.StartAsync(stsHandler: _ => sts);

        var refusal = await bed.RefuseAsync(await bed.A.MintAsync());

        refusal.Reason.ShouldBe(IamIdentityTokenFailureReason.StsFailed);
        refusal.Detail.ShouldContain("connection broke while its answer was read");
    }

    [Fact]
    public async Task OversizedChunkedAnswerWithoutLength_IsRefused()
    {
        byte[] big = new byte[100_000];
        big.AsSpan().Fill((byte)' ');
        StubStsHandler sts = new((_, _) => Task.FromResult(Answer(new MemoryStream(big), length: null)));
        await using AttackBed bed = await AttackBed.StartAsync(stsHandler: _ => sts);

        var refusal = await bed.RefuseAsync(await bed.A.MintAsync());

        refusal.Reason.ShouldBe(IamIdentityTokenFailureReason.StsResponseInvalid);
        refusal.Detail.ShouldContain("larger than 16384 bytes");
    }

    [Fact]
    public async Task PrimaryHandlerThatFollowsARedirect_AnswerFromElsewhere_IsRefused()
    {
        const string identity = "{\"GetCallerIdentityResponse\":{\"GetCallerIdentityResult\":{\"Account\":\"111111111111\",\"Arn\":\"arn:aws:iam::111111111111:user/admin\",\"UserId\":\"AIDAAAAAAAAAAAAAAAAAA\"}}}";
        StubStsHandler following = new((request, _) =>
        {
            request.RequestUri = new Uri("https://attacker.example/");
            HttpResponseMessage response = Answer(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(identity)), length: null);
            response.RequestMessage = request;
            return Task.FromResult(response);
        });
        await using AttackBed bed = await AttackBed.StartAsync(stsHandler: _ => following);

        var refusal = await bed.RefuseAsync(await bed.A.MintAsync());

        refusal.Reason.ShouldBe(IamIdentityTokenFailureReason.StsFailed);
        refusal.Detail.ShouldContain("'attacker.example'");
    }

    [Fact]
    public async Task AnswerWithInvalidUtf8InAString_IsRefused()
    {
        byte[] body = [.. "{\"GetCallerIdentityResponse\":{\"GetCallerIdentityResult\":{\"Account\":\"111111111111\",\"Arn\":\"arn:aws:iam::111111111111:user/"u8, 0xC3, 0x28, .. "\",\"UserId\":\"AIDAAAAAAAAAAAAAAAAAA\"}}}"u8];
        StubStsHandler sts = new((_, _) => Task.FromResult(Answer(new MemoryStream(body), length: body.Length)));
        await using AttackBed bed = await AttackBed.StartAsync(stsHandler: _ => sts);

        (await bed.RefuseAsync(await bed.A.MintAsync())).Reason.ShouldBe(IamIdentityTokenFailureReason.StsResponseInvalid);
    }

    [Fact]
    public async Task AnswerWithAMalformedContentType_IsRefused()
    {
        StubStsHandler sts = new((_, _) =>
        {
            HttpResponseMessage response = Answer(new MemoryStream("{}"u8.ToArray()), length: 2);
            response.Content.Headers.Remove("Content-Type");
            response.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json;;==\"");
            return Task.FromResult(response);
        });
        await using AttackBed bed = await AttackBed.StartAsync(stsHandler: _ => sts);

        (await bed.RefuseAsync(await bed.A.MintAsync())).Reason.ShouldBe(IamIdentityTokenFailureReason.StsResponseInvalid);
    }

    private static HttpResponseMessage Answer(Stream body, long? length)
    {
        var content = new StreamContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.ContentLength = length;
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    private sealed class BrokenStream : MemoryStream
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromException<int>(new HttpIOException(HttpRequestError.ResponseEnded, "The response ended prematurely."));

        public override int Read(byte[] buffer, int offset, int count) =>
            throw new HttpIOException(HttpRequestError.ResponseEnded, "The response ended prematurely.");
    }
}
