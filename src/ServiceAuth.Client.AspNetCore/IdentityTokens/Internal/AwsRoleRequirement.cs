using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;

namespace ServiceAuth.Client.AspNetCore.IdentityTokens.Internal;

/// <summary>
/// Succeeds when the <see cref="IamIdentityClaimTypes.RoleArn"/> an IAM identity token authenticated (claims of other
/// schemes are not read) matches one of the patterns: an exact role ARN,
/// or one whose role name has <c>*</c> (any run of name characters) and <c>?</c> (one name character). Partition and
/// account are always literal, so a wildcard never crosses into another account.
/// </summary>
internal sealed partial class AwsRoleRequirement : AuthorizationHandler<AwsRoleRequirement>, IAuthorizationRequirement
{
    private readonly string[] _patterns;
    private readonly Regex[] _matchers;

    public AwsRoleRequirement(IEnumerable<string> patterns)
    {
        _patterns = [.. patterns];
        _matchers = [.. _patterns.Select(ToRegex)];
    }

    /// <summary>Whether <paramref name="pattern"/> is <c>arn:&lt;partition&gt;:iam::&lt;12 digits&gt;:role/&lt;name&gt;</c>, the name
    /// without a path and with optional <c>*</c>/<c>?</c>.</summary>
    public static bool IsValidPattern(string? pattern) => pattern is not null && PatternSyntax().IsMatch(pattern);

    public override string ToString() => $"AWS role matches one of [{string.Join(", ", _patterns)}]";

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AwsRoleRequirement requirement)
    {
        if (IamIdentityTokenIdentity.AnyClaim(context.User, IamIdentityClaimTypes.RoleArn, v => _matchers.Any(m => m.IsMatch(v))))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    private static Regex ToRegex(string pattern)
    {
        string body = Regex.Escape(pattern).Replace(@"\*", "[A-Za-z0-9_+=,.@-]*", StringComparison.Ordinal).Replace(@"\?", "[A-Za-z0-9_+=,.@-]", StringComparison.Ordinal);
        return new Regex($"^{body}$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
    }

    [GeneratedRegex(@"^arn:(aws|aws-cn|aws-us-gov):iam::[0-9]{12}:role/[A-Za-z0-9_+=,.@*?-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex PatternSyntax();
}
