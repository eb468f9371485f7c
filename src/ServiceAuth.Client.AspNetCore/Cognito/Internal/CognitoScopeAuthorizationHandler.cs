using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Logging;

namespace ServiceAuth.Client.AspNetCore.Cognito.Internal;

/// <summary>Checks <see cref="CognitoScopeRequirement"/> and logs why a caller gets 403 (its client id and scopes).</summary>
internal sealed class CognitoScopeAuthorizationHandler : AuthorizationHandler<CognitoScopeRequirement>
{
    private readonly ILogger _logger;

    public CognitoScopeAuthorizationHandler(ILoggerFactory loggerFactory) =>
        _logger = loggerFactory.CreateLogger("ServiceAuth.Client.AspNetCore.Cognito");

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, CognitoScopeRequirement requirement)
    {
        string[] granted = [.. context.User.FindAll(CognitoDefaults.ScopeClaimType).SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))];
        if (requirement.Scopes.Any(s => granted.Contains(s, StringComparer.Ordinal)))
        {
            context.Succeed(requirement);
            return Task.CompletedTask;
        }

        string required = string.Join(' ', requirement.Scopes);
        string caller = context.User.FindFirstValue("client_id") ?? context.User.FindFirstValue("sub") ?? "(anonymous)";
        CognitoLog.ScopeMissing(_logger, caller, required, string.Join(' ', granted));
        context.Fail(new AuthorizationFailureReason(this, $"The token has none of the scopes '{required}'."));
        return Task.CompletedTask;
    }
}
