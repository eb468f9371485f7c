using System.Security.Claims;
using System.Text.RegularExpressions;

namespace ServiceAuth.Client.AspNetCore.IdentityTokens.Internal;

/// <summary>
/// The caller STS reported, checked for consistency (12-digit account, an ARN of this partition and account in one of
/// the known principal forms, a plausible user id) and mapped to claims.
/// </summary>
internal sealed partial class CallerIdentity
{
    private CallerIdentity(string account, string arn, string userId, string principalType, string? roleArn, string? sessionName)
    {
        Account = account;
        Arn = arn;
        UserId = userId;
        PrincipalType = principalType;
        RoleArn = roleArn;
        SessionName = sessionName;
    }

    public string Account { get; }

    public string Arn { get; }

    public string UserId { get; }

    public string PrincipalType { get; }

    public string? RoleArn { get; }

    public string? SessionName { get; }

    /// <summary>Checks STS's answer; <see langword="null"/> with a reason when it is not a caller this verifier understands.</summary>
    public static CallerIdentity? From(string account, string arn, string userId, string partition, out string? problem)
    {
        problem = null;
        Match m = ArnPattern().Match(arn);
        if (!AccountPattern().IsMatch(account) || !UserIdPattern().IsMatch(userId))
        {
            problem = "the account or user id is not well formed";
        }
        else if (!m.Success || m.Groups["partition"].Value != partition || m.Groups["account"].Value != account)
        {
            problem = $"the ARN {TokenFailure.Quote(arn)} is not a principal of account {account} in partition {partition}";
        }

        if (problem is not null)
        {
            return null;
        }

        string resource = m.Groups["resource"].Value;
        if (m.Groups["service"].Value == "sts" && resource.StartsWith("assumed-role/", StringComparison.Ordinal))
        {
            string[] parts = resource.Split('/');
            if (parts.Length != 3)
            {
                problem = $"the assumed-role ARN {TokenFailure.Quote(arn)} is not assumed-role/<role>/<session>";
                return null;
            }

            return new(account, arn, userId.Split(':')[0], "assumed-role", $"arn:{partition}:iam::{account}:role/{parts[1]}", parts[2]);
        }

        string type = m.Groups["service"].Value == "iam" && resource == "root" ? "root"
            : m.Groups["service"].Value == "iam" && resource.StartsWith("user/", StringComparison.Ordinal) ? "user"
            : m.Groups["service"].Value == "sts" && resource.StartsWith("federated-user/", StringComparison.Ordinal) ? "federated-user"
            : string.Empty;
        if (type.Length == 0)
        {
            problem = $"the ARN {TokenFailure.Quote(arn)} is not a user, role session, federated user or root";
            return null;
        }

        return new(account, arn, userId.Split(':')[0], type, null, null);
    }

    public IamIdentityTokenIdentity ToClaimsIdentity(string scheme, string issuer)
    {
        var identity = new IamIdentityTokenIdentity(scheme);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, Arn, ClaimValueTypes.String, issuer));
        identity.AddClaim(new Claim(IamIdentityClaimTypes.Arn, Arn, ClaimValueTypes.String, issuer));
        identity.AddClaim(new Claim(IamIdentityClaimTypes.Account, Account, ClaimValueTypes.String, issuer));
        identity.AddClaim(new Claim(IamIdentityClaimTypes.PrincipalType, PrincipalType, ClaimValueTypes.String, issuer));
        identity.AddClaim(new Claim(IamIdentityClaimTypes.UserId, UserId, ClaimValueTypes.String, issuer));
        if (RoleArn is not null)
        {
            identity.AddClaim(new Claim(IamIdentityClaimTypes.RoleArn, RoleArn, ClaimValueTypes.String, issuer));
            identity.AddClaim(new Claim(IamIdentityClaimTypes.SessionName, SessionName!, ClaimValueTypes.String, issuer));
        }

        return identity;
    }

    [GeneratedRegex(@"^arn:(?<partition>aws|aws-cn|aws-us-gov):(?<service>iam|sts)::(?<account>[0-9]{12}):(?<resource>[A-Za-z0-9_+=,.@/-]{1,1024})$", RegexOptions.CultureInvariant)]
    private static partial Regex ArnPattern();

    [GeneratedRegex("^[0-9]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex AccountPattern();

    [GeneratedRegex(@"^[A-Z0-9]{12,128}(:[A-Za-z0-9_+=,.@-]{1,128})?$", RegexOptions.CultureInvariant)]
    private static partial Regex UserIdPattern();
}
