using System.Net;
using ServiceAuth.Client.AspNetCore.IdentityTokens;
using ServiceAuth.Client.AspNetCore.Tests.Support;

namespace ServiceAuth.Client.AspNetCore.Tests.IdentityTokens;

/// <summary>What STS answers: every failure, slow answer or unexpected answer refuses the request (fail closed).</summary>
public sealed class StsAnswerTests
{
    [Fact]
    public async Task StsServerError_IsRefused()
    {
        await using AttackBed bed = await AttackBed.StartAsync();
        bed.Aws.Faults.FailNextRequests(1, 500);

        var refusal = await bed.RefuseAsync(await bed.A.MintAsync());

        refusal.Reason.ShouldBe(IamIdentityTokenFailureReason.StsFailed);
        refusal.Detail.ShouldBe("STS answered 500 InternalFailure");
        bed.B.Logs.GetSnapshot().Last(r => r.Id.Id is 820 or 821).Id.Id.ShouldBe(821);
    }

    [Fact]
    public async Task StsRefusal_ExpiredCredentials_IsRefused()
    {
        await using AttackBed bed = await AttackBed.StartAsync();
        string token = await bed.A.MintAsync();
        bed.Aws.Faults.ThrottleNextStsCalls(1);

        var refusal = await bed.RefuseAsync(token);

        refusal.Reason.ShouldBe(IamIdentityTokenFailureReason.StsRejected);
        refusal.Detail.ShouldBe("STS refused the token: 400 Throttling");
    }

    [Fact]
    public async Task StsTimeout_IsRefused()
    {
        StubStsHandler hung = StubStsHandler.Hang();
        await using AttackBed bed = await AttackBed.StartAsync(stsHandler: _ => hung);
        Task<HttpResponseMessage> pending = bed.B.GetAsync("whoami", await bed.A.MintAsync());
        await hung.Called;

        bed.Time.Advance(TimeSpan.FromSeconds(5));
        using HttpResponseMessage response = await pending;

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (IamIdentityTokenFailureReason reason, string detail) = bed.B.LastRefusal();
        reason.ShouldBe(IamIdentityTokenFailureReason.StsTimeout);
        detail.ShouldContain("did not answer within 5 s");
    }

    [Fact]
    public async Task XmlAnswer_WhereJsonWasAsked_IsRefused()
    {
        await using AttackBed bed = await AttackBed.StartAsync(stsHandler: aws =>
        {
            var inner = new HttpMessageInvoker(aws.CreateHandler());
            return new StubStsHandler((request, ct) =>
            {
                request.Headers.Accept.Clear();
                return inner.SendAsync(request, ct);
            });
        });

        var refusal = await bed.RefuseAsync(await bed.A.MintAsync());

        refusal.Reason.ShouldBe(IamIdentityTokenFailureReason.StsResponseInvalid);
        refusal.Detail.ShouldContain("'text/xml' where application/json was asked for");
    }

    [Fact]
    public async Task OversizedAnswer_IsRefused()
    {
        string big = "{\"GetCallerIdentityResponse\":{\"Padding\":\"" + new string('x', 20_000) + "\"}}";
        await using AttackBed bed = await AttackBed.StartAsync(stsHandler: _ => StubStsHandler.Answer(HttpStatusCode.OK, big));

        var refusal = await bed.RefuseAsync(await bed.A.MintAsync());

        refusal.Reason.ShouldBe(IamIdentityTokenFailureReason.StsResponseInvalid);
        refusal.Detail.ShouldContain("larger than 16384 bytes");
    }

    [Theory]
    [InlineData("{\"GetCallerIdentityResult\":{\"Account\":\"111111111111\",\"Arn\":\"arn:aws:iam::111111111111:user/a\",\"UserId\":\"AIDAAAAAAAAAAAAAAAAA\"}}")]
    [InlineData("{\"GetCallerIdentityResponse\":{\"GetCallerIdentityResult\":{\"Account\":\"111111111111\",\"Arn\":\"arn:aws:iam::222222222222:user/a\",\"UserId\":\"AIDAAAAAAAAAAAAAAAAA\"}}}")]
    [InlineData("{\"GetCallerIdentityResponse\":{\"GetCallerIdentityResult\":{\"Account\":\"111111111111\",\"Arn\":\"arn:aws-cn:iam::111111111111:user/a\",\"UserId\":\"AIDAAAAAAAAAAAAAAAAA\"}}}")]
    [InlineData("{\"GetCallerIdentityResponse\":{\"GetCallerIdentityResult\":{\"Account\":\"111111111111\",\"Arn\":\"arn:aws:s3:::bucket\",\"UserId\":\"AIDAAAAAAAAAAAAAAAAA\"}}}")]
    [InlineData("{\"GetCallerIdentityResponse\":{\"GetCallerIdentityResult\":{\"Account\":\"111111111111\",\"Arn\":\"arn:aws:iam::111111111111:user/a\"}}}")]
    [InlineData("not json")]
    public async Task AnswerNotTheDocumentedShape_IsRefused(string body)
    {
        await using AttackBed bed = await AttackBed.StartAsync(stsHandler: _ => StubStsHandler.Answer(HttpStatusCode.OK, body));

        (await bed.RefuseAsync(await bed.A.MintAsync())).Reason.ShouldBe(IamIdentityTokenFailureReason.StsResponseInvalid);
    }

    [Fact]
    public async Task Redirect_IsNeverFollowed()
    {
        StubStsHandler redirect = StubStsHandler.Answer(HttpStatusCode.Found, string.Empty, location: "https://attacker.example/");
        await using AttackBed bed = await AttackBed.StartAsync(stsHandler: _ => redirect);

        var refusal = await bed.RefuseAsync(await bed.A.MintAsync());

        refusal.Reason.ShouldBe(IamIdentityTokenFailureReason.StsFailed);
        refusal.Detail.ShouldContain("redirect");
        redirect.Requests.Count.ShouldBe(1);
    }
}
