using System.Net;
using Amazon.Runtime;
using ServiceAuth.Client.AspNetCore.IdentityTokens;
using ServiceAuth.Client.AspNetCore.Tests.Support;
using ServiceAuth.Client.Signing;

namespace ServiceAuth.Client.AspNetCore.Tests.IdentityTokens;

/// <summary>The token as a whole: its size and encoding, its audience, and its time window.</summary>
public sealed class TokenAttackTests
{
    [Fact]
    public async Task OversizedToken_IsRefusedBeforeDecoding()
    {
        await using AttackBed bed = await AttackBed.StartAsync();

        var refusal = await bed.RefuseAsync("sa-iam-v1." + new string('A', 9000));

        refusal.Reason.ShouldBe(IamIdentityTokenFailureReason.TooLarge);
        refusal.Detail.ShouldContain("more than the 8192 allowed");
    }

    [Theory]
    [InlineData("sa-iam-v1.")]
    [InlineData("sa-iam-v1.not base64!.c2VydmljZS1i")]
    [InlineData("sa-iam-v1.aHR0cHM6Ly9zdHM=.c2VydmljZS1i")]
    [InlineData("sa-iam-v1.aHR0cHM6Ly9zdHM.c2VydmljZS1i.YQ.YQ")]
    [InlineData("sa-iam-v1.aHR0cHM6Ly9zdHN.c2VydmljZS1i")]
    [InlineData("sa-iam-v1.__8.c2VydmljZS1i")]
    [InlineData("sa-iam-v1.aHR0cHM6Ly9zdHM .c2VydmljZS1i")]
    [InlineData("sa-iam-v1.aHR0cHM6\tLy9zdHM.c2VydmljZS1i")]
    [InlineData("sa-iam-v1.aHR0cHM6Ly9zdHM+.c2VydmljZS1i")]
    [InlineData("sa-iam-v1.aHR0cHM6Ly9zdHM/.c2VydmljZS1i")]
    [InlineData("sa-iam-v1.aHR0cHM6Ly9zdHM==.c2VydmljZS1i")]
    [InlineData("sa-iam-v1.aHR0cHM6Ly9zdHM..c2VydmljZS1i")]
    [InlineData("sa-iam-v1..c2VydmljZS1i")]
    [InlineData("sa-iam-v1.aHR0cHM6Ly9zdHM")]
    [InlineData("sa-iam-v1._w.c2VydmljZS1i")]
    [InlineData("sa-iam-v1.aHR0cHM6Ly9zdHM.c2VydmljZS1i.")]
    public async Task MalformedToken_IsRefused(string token)
    {
        await using AttackBed bed = await AttackBed.StartAsync();

        var refusal = await bed.RefuseAsync(token);

        refusal.Reason.ShouldBe(IamIdentityTokenFailureReason.Malformed);
        bed.StsCalls.ShouldBe(0);
    }

    [Fact]
    public async Task TwoAuthorizationHeaders_AreRefused()
    {
        await using AttackBed bed = await AttackBed.StartAsync();
        string token = await bed.A.MintAsync();
        using var client = new HttpClient(bed.B.CreateHandler()) { BaseAddress = new Uri("http://localhost/") };
        using var request = new HttpRequestMessage(HttpMethod.Get, "whoami");
        request.Headers.TryAddWithoutValidation("Authorization", ["Bearer " + token, "Bearer " + token]);

        using HttpResponseMessage response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        bed.B.LastRefusal().Reason.ShouldBe(IamIdentityTokenFailureReason.Malformed);
    }

    [Fact]
    public async Task TokenForAnotherAudience_IsRefused()
    {
        await using AttackBed bed = await AttackBed.StartAsync();
        (string url, _, _) = TokenSurgery.Open(await bed.A.MintAsync());

        var refusal = await bed.RefuseAsync(TokenSurgery.Close(url, "service-c"));

        refusal.Reason.ShouldBe(IamIdentityTokenFailureReason.AudienceMismatch);
        refusal.Detail.ShouldContain("minted for audience 'service-c', this service is 'service-b'");
        bed.StsCalls.ShouldBe(0);
    }

    [Fact]
    public async Task TokenSignedForAnotherAudience_ButRelabelled_IsRefusedByStsSignatureCheck()
    {
        await using AttackBed bed = await AttackBed.StartAsync();
        string forC = await MintAsync(bed, "service-c", bed.Time.GetUtcNow());
        (string url, _, _) = TokenSurgery.Open(forC);

        var refusal = await bed.RefuseAsync(TokenSurgery.Close(url, ServiceB.Audience));

        refusal.Reason.ShouldBe(IamIdentityTokenFailureReason.StsRejected);
        refusal.Detail.ShouldBe("STS refused the token: 403 SignatureDoesNotMatch");
        bed.StsCalls.ShouldBe(1);
    }

    [Fact]
    public async Task TokenWithoutAudienceHeader_PresignedByHand_IsRefused()
    {
        await using AttackBed bed = await AttackBed.StartAsync();
        ImmutableCredentials credentials = await bed.Aws.AddUser("mallory", "999999999999").ToAwsCredentials().GetCredentialsAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://sts.us-east-1.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15");
        Uri url = SigV4Signer.Shared.Presign(request, credentials, new SigV4SigningParameters { Region = "us-east-1", Service = "sts", SigningTime = bed.Time.GetUtcNow() }, TimeSpan.FromMinutes(15));

        var refusal = await bed.RefuseAsync(TokenSurgery.Close(url.OriginalString, ServiceB.Audience));

        refusal.Reason.ShouldBe(IamIdentityTokenFailureReason.AudienceNotSigned);
    }

    [Fact]
    public async Task ValidTokenFromAnAccountNotAllowed_IsRefusedAfterSts()
    {
        await using AttackBed bed = await AttackBed.StartAsync();
        string token = await MintAsync(bed, ServiceB.Audience, bed.Time.GetUtcNow(), account: "999999999999");

        var refusal = await bed.RefuseAsync(token);

        refusal.Reason.ShouldBe(IamIdentityTokenFailureReason.AccountNotAllowed);
        refusal.Detail.ShouldStartWith("arn:aws:iam::999999999999:user/");
        bed.StsCalls.ShouldBe(1);
    }

    [Fact]
    public async Task ExpiredAmzDate_IsRefused()
    {
        await using AttackBed bed = await AttackBed.StartAsync();
        string token = await bed.A.MintAsync();
        bed.Time.Advance(TimeSpan.FromMinutes(16) + TimeSpan.FromSeconds(1));

        var refusal = await bed.RefuseAsync(token);

        refusal.Reason.ShouldBe(IamIdentityTokenFailureReason.Expired);
        bed.StsCalls.ShouldBe(0);
    }

    [Fact]
    public async Task ExpiredAmzDate_EvenWhenVerifiedBefore_IsRefused()
    {
        await using AttackBed bed = await AttackBed.StartAsync();
        string token = await bed.A.MintAsync();
        (await bed.B.GetAsync("whoami", token)).StatusCode.ShouldBe(HttpStatusCode.OK);
        bed.Time.Advance(TimeSpan.FromMinutes(17));

        (await bed.RefuseAsync(token)).Reason.ShouldBe(IamIdentityTokenFailureReason.Expired);
    }

    [Fact]
    public async Task FutureAmzDate_IsRefused()
    {
        await using AttackBed bed = await AttackBed.StartAsync();
        string token = await MintAsync(bed, ServiceB.Audience, bed.Time.GetUtcNow().AddMinutes(10));

        var refusal = await bed.RefuseAsync(token);

        refusal.Reason.ShouldBe(IamIdentityTokenFailureReason.NotYetValid);
        bed.StsCalls.ShouldBe(0);
    }

    [Fact]
    public async Task AmzDateWithinTheDocumentedSkew_IsAccepted()
    {
        await using AttackBed bed = await AttackBed.StartAsync();
        string token = await MintAsync(bed, ServiceB.Audience, bed.Time.GetUtcNow().AddSeconds(50));

        (await bed.B.GetAsync("whoami", token)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>Mints a token for <paramref name="audience"/> as service A at <paramref name="at"/>.</summary>
    private static async Task<string> MintAsync(AttackBed bed, string audience, DateTimeOffset at, string account = Principals.AccountA)
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(at);
        ImmutableCredentials credentials = await bed.Aws.AddUser("service-a-" + audience + at.Ticks, account).ToAwsCredentials().GetCredentialsAsync();
        await using var caller = new CallerA(time, bed.B.CreateHandler(), o =>
        {
            o.Audience = audience;
            o.Credentials = new BasicAWSCredentials(credentials.AccessKey, credentials.SecretKey);
        });
        return await caller.MintAsync();
    }
}
