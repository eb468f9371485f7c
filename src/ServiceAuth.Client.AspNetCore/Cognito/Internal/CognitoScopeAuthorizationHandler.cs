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
        ClaimsIdentity? cognito = null;
        bool authenticated = false;
        foreach (ClaimsIdentity identity in context.User.Identities)
        {
            authenticated |= identity.IsAuthenticated;
            if (cognito is null && identity.IsAuthenticated && identity.AuthenticationType is { } type && _schemes.Contains(type))
            {
                cognito = identity;
            }
        }

        if (cognito is null && !authenticated)
        {
            return Task.CompletedTask; // not authenticated: the 401 is the answer, not a 403 about scopes
        }

        if (cognito is not null && Grants(cognito, requirement.Scopes))
        {
            context.Succeed(requirement);
            return Task.CompletedTask;
        }

        string[] granted = cognito is null ? [] : [.. cognito.FindAll(CognitoDefaults.ScopeClaimType).SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))];
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

    /// <summary>Whether a space-separated <c>scope</c> claim of <paramref name="identity"/> holds one of
    /// <paramref name="scopes"/>; read in place, nothing allocated.</summary>
    private static bool Grants(ClaimsIdentity identity, IReadOnlyList<string> scopes)
    {
        foreach (Claim claim in identity.Claims)
        {
            if (!string.Equals(claim.Type, CognitoDefaults.ScopeClaimType, StringComparison.Ordinal))
            {
                continue;
            }

            ReadOnlySpan<char> rest = claim.Value;
            while (!rest.IsEmpty)
            {
                int space = rest.IndexOf(' ');
                ReadOnlySpan<char> scope = space < 0 ? rest : rest[..space];
                rest = space < 0 ? default : rest[(space + 1)..];
                for (int i = 0; i < scopes.Count; i++)
                {
                    if (scope.Length > 0 && scope.SequenceEqual(scopes[i]))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }
}
