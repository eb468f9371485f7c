using Microsoft.AspNetCore.Authorization;

namespace ServiceAuth.Client.AspNetCore.IdentityTokens.Internal;

/// <summary>Succeeds when the caller's <see cref="IamIdentityClaimTypes.Account"/> is one of the allowed accounts.</summary>
internal sealed class AwsAccountRequirement(IReadOnlyCollection<string> accounts)
    : AuthorizationHandler<AwsAccountRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AwsAccountRequirement requirement)
    {
        if (context.User.FindAll(IamIdentityClaimTypes.Account).Any(c => accounts.Contains(c.Value)))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    public override string ToString() => $"AWS account is one of [{string.Join(", ", accounts)}]";
}
