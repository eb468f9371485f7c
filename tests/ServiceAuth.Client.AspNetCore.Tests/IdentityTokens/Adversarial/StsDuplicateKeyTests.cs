using System.Net;
using System.Text;
using ServiceAuth.Client.AspNetCore.IdentityTokens;
using ServiceAuth.Client.AspNetCore.IdentityTokens.Internal;
using ServiceAuth.Client.AspNetCore.Tests.Support;

namespace ServiceAuth.Client.AspNetCore.Tests.IdentityTokens.Adversarial;

/// <summary>Issue 19 item 1: an STS answer that names a property twice is refused (the same scan runs on net8.0, where
/// System.Text.Json cannot refuse duplicates by itself).</summary>
public sealed class StsDuplicateKeyTests
{
    private const string User = "\"Account\":\"111111111111\",\"Arn\":\"arn:aws:iam::111111111111:user/alice\",\"UserId\":\"AIDAAAAAAAAAAAAAAAAA\"";
    private const string Admin = "\"Account\":\"111111111111\",\"Arn\":\"arn:aws:sts::111111111111:assumed-role/admin/x\",\"UserId\":\"AROAAAAAAAAAAAAAAAAA:x\"";

    public static TheoryData<string> Duplicated => new()
    {
        "{\"GetCallerIdentityResponse\":{\"GetCallerIdentityResult\":{" + User + ",\"Arn\":\"arn:aws:sts::111111111111:assumed-role/admin/x\"}}}",
        "{\"GetCallerIdentityResponse\":{\"GetCallerIdentityResult\":{" + User + "},\"GetCallerIdentityResult\":{" + Admin + "}}}",
        "{\"GetCallerIdentityResponse\":{\"GetCallerIdentityResult\":{" + User + "}},\"GetCallerIdentityResponse\":{\"GetCallerIdentityResult\":{" + Admin + "}}}",
        "{\"GetCallerIdentityResponse\":{\"GetCallerIdentityResult\":{" + User + ",\"\\u0041rn\":\"arn:aws:iam::111111111111:user/bob\"}}}",
        "{\"GetCallerIdentityResponse\":{\"GetCallerIdentityResult\":{" + User + ",\"ResponseMetadata\":{\"RequestId\":\"a\",\"RequestId\":\"b\"}}}}",
    };

    [Theory]
    [MemberData(nameof(Duplicated))]
    public async Task AnswerWithADuplicateProperty_IsRefused(string body)
    {
        await using AttackBed bed = await AttackBed.StartAsync(stsHandler: _ => StubStsHandler.Answer(HttpStatusCode.OK, body));

        var refusal = await bed.RefuseAsync(await bed.A.MintAsync());

        refusal.Reason.ShouldBe(IamIdentityTokenFailureReason.StsResponseInvalid);
        refusal.Detail.ShouldBe("the answer names a property twice in one object");
    }

    [Fact]
    public async Task AnswerWithoutDuplicates_IsAccepted()
    {
        string body = "{\"GetCallerIdentityResponse\":{\"GetCallerIdentityResult\":{" + User + "},\"ResponseMetadata\":{\"RequestId\":\"a\"}}}";
        await using AttackBed bed = await AttackBed.StartAsync(stsHandler: _ => StubStsHandler.Answer(HttpStatusCode.OK, body));

        using HttpResponseMessage response = await bed.B.GetAsync("whoami", await bed.A.MintAsync());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("{\"a\":1,\"b\":[{\"a\":1},{\"a\":2}]}", false)]
    [InlineData("{\"a\":{\"x\":1},\"b\":{\"x\":1}}", false)]
    [InlineData("{\"a\":1,\"A\":2}", true)]
    [InlineData("[{\"a\":1,\"a\":1}]", true)]
    [InlineData("{\"a\":", false)]
    public void Scan_FindsDuplicatesInEachObjectOnly(string json, bool duplicate) =>
        JsonDuplicateProperties.Any(Encoding.UTF8.GetBytes(json), 8).ShouldBe(duplicate);
}
