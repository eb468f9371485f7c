using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ServiceAuth.Client.AspNetCore.Cognito.Internal;

/// <summary>Checks <see cref="CognitoScopeRequirement"/> on the <c>scope</c> claims of identities that a Cognito scheme
/// authenticated (never another scheme's claims), logs why a caller gets 403 (its client id and scopes) and leaves the
/// required scopes for the 403 challenge. A request no scheme authenticated is left to the 401, unlogged.</summary>
internal sealed class CognitoScopeAuthorizationHandler : AuthorizationHandler<CognitoScopeRequirement>
{
    private readonly ILogger _logger;
    private readonly HashSet<string> _schemes;

    public CognitoScopeAuthorizationHandler(ILoggerFactory loggerFactory, IEnumerable<CognitoSchemeName> schemes)
    {
        _logger = loggerFactory.CreateLogger("ServiceAuth.Client.AspNetCore.Cognito");
        _schemes = new HashSet<string>(schemes.Select(s => s.Scheme), StringComparer.Ordinal);
    }

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, CognitoScopeRequirement requirement)
    {
        ClaimsIdentity? cognito = context.User.Identities.FirstOrDefault(i => i.IsAuthenticated && i.AuthenticationType is { } type && _schemes.Contains(type));
        if (cognito is null && !context.User.Identities.Any(i => i.IsAuthenticated))
        {
            return Task.CompletedTask; // not authenticated: the 401 is the answer, not a 403 about scopes
        }

        string[] granted = cognito is null ? [] : [.. cognito.FindAll(CognitoDefaults.ScopeClaimType).SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))];
        if (requirement.Scopes.Any(s => granted.Contains(s, StringComparer.Ordinal)))
        {
            context.Succeed(requirement);
            return Task.CompletedTask;
        }

        string required = string.Join(' ', requirement.Scopes);
        string caller = cognito is null ? "(not a Cognito token)" : cognito.FindFirst("client_id")?.Value ?? cognito.FindFirst("sub")?.Value ?? "(anonymous)";
        CognitoLog.ScopeMissing(_logger, caller, required, string.Join(' ', granted));
        if (context.Resource is HttpContext http)
        {
            http.Items[CognitoScopeChallenge.ItemKey] = required;
        }

        context.Fail(new AuthorizationFailureReason(this, $"The token has none of the scopes '{required}'."));
        return Task.CompletedTask;
    }
}
