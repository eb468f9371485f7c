using System.Security.Claims;
using ServiceAuth.Client.AspNetCore.IdentityTokens;
using ServiceAuth.Client.AspNetCore.IdentityTokens.Internal;

namespace ServiceAuth.Client.AspNetCore.Tests.IdentityTokens;

/// <summary>How STS's answer maps to claims: users (with a path), role sessions (STS reports no role path), and the
/// session name, which the caller chooses and which therefore grants nothing by default.</summary>
public sealed class CallerIdentityTests
{
    [Fact]
    public void UserWithAPath_KeepsTheFullArnAndHasNoRoleClaims()
    {
        ClaimsIdentity claims = Map("arn:aws:iam::111111111111:user/division/alice", "AIDAAAAAAAAAAAAAAAAAA");

        claims.FindFirst(IamIdentityClaimTypes.Arn)!.Value.ShouldBe("arn:aws:iam::111111111111:user/division/alice");
        claims.FindFirst(IamIdentityClaimTypes.PrincipalType)!.Value.ShouldBe("user");
        claims.FindFirst(IamIdentityClaimTypes.RoleArn).ShouldBeNull();
        claims.Name.ShouldBe("arn:aws:iam::111111111111:user/division/alice");
    }

    [Fact]
    public void RoleSessionOfARoleWithAPath_RoleArnNamesTheRoleWithoutThePathStsDoesNotReport()
    {
        ClaimsIdentity claims = Map("arn:aws:sts::111111111111:assumed-role/orders-writer/i-0abc", "AROAAAAAAAAAAAAAAAAAA:i-0abc");

        claims.FindFirst(IamIdentityClaimTypes.RoleArn)!.Value.ShouldBe("arn:aws:iam::111111111111:role/orders-writer");
        claims.FindFirst(IamIdentityClaimTypes.SessionName)!.Value.ShouldBe("i-0abc");
        claims.FindFirst(IamIdentityClaimTypes.UserId)!.Value.ShouldBe("AROAAAAAAAAAAAAAAAAAA");
        claims.FindFirst(IamIdentityClaimTypes.PrincipalType)!.Value.ShouldBe("assumed-role");
    }

    [Fact]
    public void SessionName_IsNeverARoleOrTheNameIdentifier()
    {
        ClaimsIdentity claims = Map("arn:aws:sts::111111111111:assumed-role/orders-writer/admin", "AROAAAAAAAAAAAAAAAAAA:admin");

        new ClaimsPrincipal(claims).IsInRole("admin").ShouldBeFalse();
        claims.FindAll(ClaimTypes.Role).ShouldBeEmpty();
        claims.FindFirst(ClaimTypes.NameIdentifier)!.Value.ShouldBe("arn:aws:sts::111111111111:assumed-role/orders-writer/admin");
    }

    [Theory]
    [InlineData("arn:aws:sts::111111111111:assumed-role/path/orders-writer/s")]
    [InlineData("arn:aws:iam::111111111111:role/orders-writer")]
    [InlineData("arn:aws:iam::111111111111:group/admins")]
    public void ArnThatIsNoCallerStsReports_IsRejected(string arn)
    {
        CallerIdentity.From("111111111111", arn, "AROAAAAAAAAAAAAAAAAAA:s", "aws", out string? problem).ShouldBeNull();

        problem.ShouldNotBeNull();
    }

    private static ClaimsIdentity Map(string arn, string userId)
    {
        CallerIdentity identity = CallerIdentity.From("111111111111", arn, userId, "aws", out string? problem).ShouldNotBeNull(problem);
        return identity.ToClaimsIdentity("IamIdentityToken", "IamIdentityToken");
    }
}
