namespace ServiceAuth.Client.Testing.Internal.Policy;

/// <summary>Whether one statement applies to a request: principal (resource-based policies only), action, resource and
/// every condition; when it does not, the first reason why.</summary>
internal static class StatementEvaluator
{
    public static (bool Applies, PrincipalMatch Match, string? Reason) Evaluate(PolicyStatement statement, AccessRequest request, bool resourcePolicy)
    {
        PrincipalMatch match = PrincipalMatch.Caller;
        if (resourcePolicy && statement.Principals is { } principals)
        {
            match = request.Principal.BestMatch(principals);
            if (match == PrincipalMatch.None)
            {
                return (false, match, $"Principal does not name {request.Principal}");
            }
        }
        else if (resourcePolicy && statement.NotPrincipals is { } notPrincipals)
        {
            if (request.Principal.IsExemptedBy(notPrincipals))
            {
                return (false, PrincipalMatch.None, $"NotPrincipal exempts {request.Principal}");
            }

            match = PrincipalMatch.Anyone;
        }
        else if (resourcePolicy)
        {
            return (false, PrincipalMatch.None, "no Principal element");
        }

        if (statement.Actions is { } actions && !actions.Any(a => Wildcard.IsMatch(a, request.Action, ignoreCase: true)))
        {
            return (false, match, $"Action [{string.Join(", ", actions)}] does not include {request.Action}");
        }

        if (statement.NotActions is { } notActions && notActions.Any(a => Wildcard.IsMatch(a, request.Action, ignoreCase: true)))
        {
            return (false, match, $"NotAction excludes {request.Action}");
        }

        if (statement.Resources is { } resources && !resources.Any(r => Wildcard.IsMatch(Expand(r, request.Resource), request.Resource)))
        {
            return (false, match, $"Resource [{string.Join(", ", resources)}] does not match {request.Resource}");
        }

        if (statement.NotResources is { } notResources && notResources.Any(r => Wildcard.IsMatch(Expand(r, request.Resource), request.Resource)))
        {
            return (false, match, $"NotResource excludes {request.Resource}");
        }

        foreach (PolicyCondition condition in statement.Conditions)
        {
            if (!ConditionEvaluator.Evaluate(condition, request.Context))
            {
                return (false, match, ConditionEvaluator.Describe(condition, request.Context));
            }
        }

        return (true, match, null);
    }

    /// <summary>API Gateway resource policies may write <c>execute-api:/stage/METHOD/path</c> for the API they are attached
    /// to: the prefix stands for <c>arn:aws:execute-api:region:account:api-id</c> of the requested resource.</summary>
    private static string Expand(string pattern, string resource)
    {
        const string Shorthand = "execute-api:/";
        if (!pattern.StartsWith(Shorthand, StringComparison.Ordinal) || !resource.StartsWith("arn:aws:execute-api:", StringComparison.Ordinal))
        {
            return pattern;
        }

        int slash = resource.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? pattern : resource[..(slash + 1)] + pattern[Shorthand.Length..];
    }
}
