using ServiceAuth.Client.AspNetCore.IdentityTokens;
using ServiceAuth.Client.AspNetCore.Tests.Support;

namespace ServiceAuth.Client.AspNetCore.Tests.IdentityTokens;

/// <summary>The query of the presigned URL: CVE-2022-2385 (aws-iam-authenticator) and its relatives. Every case is
/// refused before STS is called.</summary>
public sealed class QueryAttackTests
{
    [Fact]
    public async Task DuplicatedParameter_SameCase_IsRefused()
    {
        await using AttackBed bed = await AttackBed.StartAsync();
        string token = TokenSurgery.EditUrl(await bed.A.MintAsync(), url => url + "&Action=GetCallerIdentity");

        var refusal = await bed.RefuseAsync(token);

        refusal.Reason.ShouldBe(IamIdentityTokenFailureReason.DuplicateParameter);
        refusal.Detail.ShouldContain("'Action' appears more than once");
        bed.StsCalls.ShouldBe(0);
    }

    [Fact]
    public async Task DuplicatedParameter_DifferentCase_IsRefused()
    {
        await using AttackBed bed = await AttackBed.StartAsync();
        string token = TokenSurgery.EditUrl(await bed.A.MintAsync(), url => url + "&x-amz-signedheaders=host");

        var refusal = await bed.RefuseAsync(token);

        refusal.Reason.ShouldBe(IamIdentityTokenFailureReason.DuplicateParameter);
        refusal.Detail.ShouldContain("letter case ignored");
        bed.StsCalls.ShouldBe(0);
    }

    [Fact]
    public async Task DuplicatedParameter_DifferentCaseFirst_IsStillADuplicate()
    {
        await using AttackBed bed = await AttackBed.StartAsync();
        string token = TokenSurgery.EditUrl(await bed.A.MintAsync(), url => url.Replace("/?", "/?action=AssumeRole&", StringComparison.Ordinal));

        (await bed.RefuseAsync(token)).Reason.ShouldBe(IamIdentityTokenFailureReason.DuplicateParameter);
    }

    [Fact]
    public async Task ExtraParameter_IsRefused()
    {
        await using AttackBed bed = await AttackBed.StartAsync();
        string token = TokenSurgery.EditUrl(await bed.A.MintAsync(), url => url + "&RoleArn=arn%3Aaws%3Aiam%3A%3A222222222222%3Arole%2Fadmin");

        var refusal = await bed.RefuseAsync(token);

        refusal.Reason.ShouldBe(IamIdentityTokenFailureReason.ParameterNotAllowed);
        refusal.Detail.ShouldContain("'RoleArn' is not allowed");
    }

    [Fact]
    public async Task AllowListedParameter_WrongLetterCase_IsRefused()
    {
        await using AttackBed bed = await AttackBed.StartAsync();
        string token = TokenSurgery.EditUrl(await bed.A.MintAsync(), url => url.Replace("Version=", "version=", StringComparison.Ordinal));

        var refusal = await bed.RefuseAsync(token);

        refusal.Reason.ShouldBe(IamIdentityTokenFailureReason.ParameterNotAllowed);
        refusal.Detail.ShouldContain("must be spelled 'Version'");
    }

    [Fact]
    public async Task EscapedParameterName_IsRefused()
    {
        await using AttackBed bed = await AttackBed.StartAsync();
        string token = TokenSurgery.EditUrl(await bed.A.MintAsync(), url => url + "&%41ction=AssumeRole");

        (await bed.RefuseAsync(token)).Reason.ShouldBe(IamIdentityTokenFailureReason.ParameterNotAllowed);
    }

    [Fact]
    public async Task MissingParameter_IsRefused()
    {
        await using AttackBed bed = await AttackBed.StartAsync();
        string token = TokenSurgery.EditUrl(await bed.A.MintAsync(), url => Remove(url, "X-Amz-Date"));

        var refusal = await bed.RefuseAsync(token);

        refusal.Reason.ShouldBe(IamIdentityTokenFailureReason.MissingParameter);
        refusal.Detail.ShouldContain("X-Amz-Date");
    }

    [Fact]
    public async Task AnotherAction_IsRefused()
    {
        await using AttackBed bed = await AttackBed.StartAsync();
        string token = TokenSurgery.EditUrl(await bed.A.MintAsync(), url => url.Replace("Action=GetCallerIdentity", "Action=AssumeRole", StringComparison.Ordinal));

        var refusal = await bed.RefuseAsync(token);

        refusal.Reason.ShouldBe(IamIdentityTokenFailureReason.ActionNotAllowed);
        refusal.Detail.ShouldContain("'AssumeRole'");
    }

    [Fact]
    public async Task AnotherVersion_IsRefused()
    {
        await using AttackBed bed = await AttackBed.StartAsync();
        string token = TokenSurgery.EditUrl(await bed.A.MintAsync(), url => url.Replace("Version=2011-06-15", "Version=2099-01-01", StringComparison.Ordinal));

        (await bed.RefuseAsync(token)).Reason.ShouldBe(IamIdentityTokenFailureReason.VersionNotAllowed);
    }

    [Fact]
    public async Task UnsignedAudienceHeader_IsRefused()
    {
        await using AttackBed bed = await AttackBed.StartAsync();
        string token = TokenSurgery.EditUrl(await bed.A.MintAsync(), url => url.Replace("X-Amz-SignedHeaders=host%3Bx-serviceauth-audience", "X-Amz-SignedHeaders=host", StringComparison.Ordinal));

        var refusal = await bed.RefuseAsync(token);

        refusal.Reason.ShouldBe(IamIdentityTokenFailureReason.AudienceNotSigned);
        bed.StsCalls.ShouldBe(0);
    }

    [Fact]
    public async Task ExtraSignedHeader_IsRefused()
    {
        await using AttackBed bed = await AttackBed.StartAsync();
        string token = TokenSurgery.EditUrl(await bed.A.MintAsync(), url => url.Replace("x-serviceauth-audience", "x-serviceauth-audience%3Bx-forwarded-host", StringComparison.Ordinal));

        var refusal = await bed.RefuseAsync(token);

        refusal.Reason.ShouldBe(IamIdentityTokenFailureReason.InvalidSigningParameter);
        refusal.Detail.ShouldContain("is not exactly 'host;x-serviceauth-audience'");
    }

    [Fact]
    public async Task CredentialScopedToAnotherRegion_IsRefused()
    {
        await using AttackBed bed = await AttackBed.StartAsync();
        string token = TokenSurgery.EditUrl(await bed.A.MintAsync(), url => url.Replace("%2Fus-east-1%2Fsts", "%2Feu-west-1%2Fsts", StringComparison.Ordinal));

        var refusal = await bed.RefuseAsync(token);

        refusal.Reason.ShouldBe(IamIdentityTokenFailureReason.InvalidSigningParameter);
        refusal.Detail.ShouldContain("credential scope");
    }

    [Fact]
    public async Task LiteralPlusInAValue_IsRefusedAsAmbiguous()
    {
        await using AttackBed bed = await AttackBed.StartAsync();
        string token = TokenSurgery.EditUrl(await bed.A.MintAsync(), url => url.Replace("Version=2011-06-15", "Version=2011-06-15+", StringComparison.Ordinal));

        (await bed.RefuseAsync(token)).Reason.ShouldBe(IamIdentityTokenFailureReason.Malformed);
    }

    private static string Remove(string url, string name)
    {
        int start = url.IndexOf("&" + name + "=", StringComparison.Ordinal);
        int end = url.IndexOf('&', start + 1);
        return url[..start] + (end < 0 ? string.Empty : url[end..]);
    }
}
