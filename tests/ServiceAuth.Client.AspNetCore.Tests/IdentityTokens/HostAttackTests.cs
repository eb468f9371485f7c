using ServiceAuth.Client.AspNetCore.IdentityTokens;
using ServiceAuth.Client.AspNetCore.Tests.Support;

namespace ServiceAuth.Client.AspNetCore.Tests.IdentityTokens;

/// <summary>Where the verifier would send the request: CVE-2020-16250 (Vault) and its relatives. The host always comes
/// from the fixed list; every case is refused before anything is sent.</summary>
public sealed class HostAttackTests
{
    private const string Sts = "https://sts.us-east-1.amazonaws.com/";

    [Fact]
    public async Task ForeignHost_IsRefused()
    {
        var refusal = await RefuseWithPrefix("https://attacker.example/");

        refusal.Reason.ShouldBe(IamIdentityTokenFailureReason.HostNotAllowed);
        refusal.Detail.ShouldContain("not one of the");
        refusal.Detail.ShouldContain("'attacker.example'");
    }

    [Theory]
    [InlineData("https://sts.us-east-1.amazonaws.com.attacker.example/")]
    [InlineData("https://attacker-sts.us-east-1.amazonaws.com/")]
    [InlineData("https://sts.us-east-1.amazonaws.com./")]
    [InlineData("https://STS.US-EAST-1.AMAZONAWS.COM/")]
    [InlineData("https://sts.amazonaws.com/")]
    [InlineData("https://sts.us-east-1.amazonaws.com%2Eattacker.example/")]
    [InlineData("https://sts.cn-north-1.amazonaws.com.cn/")]
    public async Task LookAlikeHost_SuffixAndCaseTricks_AreRefused(string prefix)
    {
        var refusal = await RefuseWithPrefix(prefix);

        refusal.Reason.ShouldBe(IamIdentityTokenFailureReason.HostNotAllowed);
        refusal.Detail.ShouldContain("not one of the");
    }

    [Theory]
    [InlineData("https://sts.us-east-1.amazonaws.com@attacker.example/")]
    [InlineData("https://attacker.example@sts.us-east-1.amazonaws.com/")]
    [InlineData("https://user:pass@sts.us-east-1.amazonaws.com/")]
    public async Task Userinfo_IsRefused(string prefix)
    {
        var refusal = await RefuseWithPrefix(prefix);

        refusal.Reason.ShouldBe(IamIdentityTokenFailureReason.HostNotAllowed);
        refusal.Detail.ShouldContain("userinfo");
    }

    [Theory]
    [InlineData("https://sts.us-east-1.amazonaws.com:8443/")]
    [InlineData("https://sts.us-east-1.amazonaws.com:443/")]
    [InlineData("https://sts.us-east-1.amazonaws.com:/")]
    public async Task Port_IsRefused(string prefix)
    {
        var refusal = await RefuseWithPrefix(prefix);

        refusal.Reason.ShouldBe(IamIdentityTokenFailureReason.HostNotAllowed);
        refusal.Detail.ShouldContain("port");
    }

    [Theory]
    [InlineData("https://169.254.169.254/", "IP literal")]
    [InlineData("https://127.0.0.1/", "IP literal")]
    [InlineData("https://[::1]/", "IPv6 literal")]
    [InlineData("https://2130706433/", "IP literal")]
    [InlineData("https://0x7f.1/", "IP literal")]
    public async Task IpLiteral_IsRefused(string prefix, string expected)
    {
        var refusal = await RefuseWithPrefix(prefix);

        refusal.Reason.ShouldBe(IamIdentityTokenFailureReason.HostNotAllowed);
        refusal.Detail.ShouldContain(expected);
    }

    [Theory]
    [InlineData("https://sts.us-\u0435ast-1.amazonaws.com/")]
    [InlineData("https://sts\u3002us-east-1.amazonaws.com/")]
    [InlineData("https://sts.us-east-1\uFF0Eamazonaws.com/")]
    [InlineData("https://sts.us-east-1.amazonaws\uFF61com/")]
    [InlineData("https://sts.us-east-1.amazonaws.com\u3002/")]
    public async Task IdnHomoglyphOrUnicodeDot_IsRefused(string prefix)
    {
        var refusal = await RefuseWithPrefix(prefix);

        refusal.Reason.ShouldBe(IamIdentityTokenFailureReason.HostNotAllowed);
        refusal.Detail.ShouldContain("IDN");
    }

    [Fact]
    public async Task IdnPunycode_IsRefused()
    {
        var refusal = await RefuseWithPrefix("https://sts.xn--us-ast-1-5ve.amazonaws.com/");

        refusal.Reason.ShouldBe(IamIdentityTokenFailureReason.HostNotAllowed);
        refusal.Detail.ShouldContain("punycode");
    }

    [Fact]
    public async Task PlainHttp_IsRefused()
    {
        var refusal = await RefuseWithPrefix("http://sts.us-east-1.amazonaws.com/");

        refusal.Reason.ShouldBe(IamIdentityTokenFailureReason.InsecureScheme);
        refusal.Detail.ShouldContain("'http' is not https");
    }

    [Theory]
    [InlineData("https://sts.us-east-1.amazonaws.com/other")]
    [InlineData("https://sts.us-east-1.amazonaws.com//")]
    [InlineData("https://sts.us-east-1.amazonaws.com/%2e/")]
    [InlineData("https://sts.us-east-1.amazonaws.com/./")]
    [InlineData("https://sts.us-east-1.amazonaws.com/%2F")]
    [InlineData("https://sts.us-east-1.amazonaws.com/%2f/")]
    [InlineData("https://sts.us-east-1.amazonaws.com/%252F")]
    [InlineData("https://sts.us-east-1.amazonaws.com")]
    [InlineData("https://sts.us-east-1.amazonaws.com\\@attacker.example/")]
    public async Task AnotherPath_IsRefused(string prefix)
    {
        var refusal = await RefuseWithPrefix(prefix);

        refusal.Reason.ShouldBe(IamIdentityTokenFailureReason.PathNotAllowed);
    }

    [Fact]
    public async Task Fragment_IsRefused()
    {
        await using AttackBed bed = await AttackBed.StartAsync();
        string token = TokenSurgery.EditUrl(await bed.A.MintAsync(), url => url + "#fragment");

        (await bed.RefuseAsync(token)).Reason.ShouldBe(IamIdentityTokenFailureReason.Malformed);
    }

    [Fact]
    public async Task RegionOutsideTheConfiguredList_IsRefused()
    {
        await using AttackBed bed = await AttackBed.StartAsync(o => o.Regions.Add("eu-west-1"));

        var refusal = await bed.RefuseAsync(await bed.A.MintAsync());

        refusal.Reason.ShouldBe(IamIdentityTokenFailureReason.HostNotAllowed);
        refusal.Detail.ShouldContain("'sts.us-east-1.amazonaws.com'");
    }

    /// <summary>Mints a real token, swaps the URL's scheme, authority and path for <paramref name="prefix"/> (keeping the
    /// query), and sends it to B.</summary>
    private static async Task<(int Status, IamIdentityTokenFailureReason Reason, string Detail)> RefuseWithPrefix(string prefix)
    {
        await using AttackBed bed = await AttackBed.StartAsync();
        string token = TokenSurgery.EditUrl(await bed.A.MintAsync(), url => url.Replace(Sts, prefix, StringComparison.Ordinal));
        var refusal = await bed.RefuseAsync(token);
        bed.StsCalls.ShouldBe(0);
        return refusal;
    }
}
