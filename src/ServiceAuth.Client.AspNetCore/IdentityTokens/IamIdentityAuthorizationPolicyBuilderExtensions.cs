using Microsoft.AspNetCore.Authorization;
using ServiceAuth.Client.AspNetCore.IdentityTokens.Internal;

namespace ServiceAuth.Client.AspNetCore.IdentityTokens;

/// <summary>
/// Authorization in the style of resource policies, on the claims of IAM identity tokens. Requirements added to one
/// policy must all succeed (AND); the values of one requirement are alternatives (OR).
/// </summary>
public static class IamIdentityAuthorizationPolicyBuilderExtensions
{
    /// <summary>Requires the caller's AWS account to be one of <paramref name="accountIds"/>.</summary>
    /// <param name="builder">The <see cref="AuthorizationPolicyBuilder"/>.</param>
    /// <param name="accountIds">12-digit account ids.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentException">An account id is not 12 digits, or none is given.</exception>
    public static AuthorizationPolicyBuilder RequireAwsAccount(this AuthorizationPolicyBuilder builder, params string[] accountIds)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(accountIds);
        if (accountIds.Length == 0 || accountIds.Any(a => a is not { Length: 12 } || !a.All(char.IsAsciiDigit)))
        {
            throw new ArgumentException($"Give one or more 12-digit AWS account ids; got [{string.Join(", ", accountIds)}].", nameof(accountIds));
        }

        return builder.AddRequirements(new AwsAccountRequirement(new HashSet<string>(accountIds, StringComparer.Ordinal)));
    }

    /// <summary>
    /// Requires the caller to be a session of a role matching one of <paramref name="roleArnPatterns"/>:
    /// <c>arn:aws:iam::111111111111:role/checkout</c> exactly, or with <c>*</c> (any run of role-name characters) and
    /// <c>?</c> (one) in the role name, as in <c>arn:aws:iam::111111111111:role/orders-*</c>. Partition and account are
    /// literal. Write the role name without its path: STS does not report paths, and role names are unique in an account.
    /// </summary>
    /// <param name="builder">The <see cref="AuthorizationPolicyBuilder"/>.</param>
    /// <param name="roleArnPatterns">Role ARNs or patterns.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentException">A pattern is not a role ARN of that form, or none is given.</exception>
    public static AuthorizationPolicyBuilder RequireAwsRole(this AuthorizationPolicyBuilder builder, params string[] roleArnPatterns)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(roleArnPatterns);
        string[] invalid = [.. roleArnPatterns.Where(p => !AwsRoleRequirement.IsValidPattern(p))];
        if (roleArnPatterns.Length == 0 || invalid.Length > 0)
        {
            throw new ArgumentException(
                $"Give one or more role ARNs such as \"arn:aws:iam::111111111111:role/orders-*\" (no path; * and ? only in the name); not valid: [{string.Join(", ", invalid)}].",
                nameof(roleArnPatterns));
        }

        return builder.AddRequirements(new AwsRoleRequirement(roleArnPatterns));
    }
}
