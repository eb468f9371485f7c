using Microsoft.AspNetCore.Authorization;

namespace ServiceAuth.Client.AspNetCore.IdentityTokens.Internal;

/// <summary>Succeeds when the <see cref="IamIdentityClaimTypes.Account"/> an IAM identity token authenticated is one of
/// the allowed accounts (claims of other schemes are not read).</summary>
internal sealed class AwsAccountRequirement(IReadOnlyCollection<string> accounts)
    : AuthorizationHandler<AwsAccountRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AwsAccountRequirement requirement)
    {
        if (IamIdentityTokenIdentity.AnyClaim(context.User, IamIdentityClaimTypes.Account, accounts.Contains))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    public override string ToString() => $"AWS account is one of [{string.Join(", ", accounts)}]";
}
