namespace ServiceAuth.Client.Testing.Internal.Identity;

/// <summary>Matches a caller against the principal ARNs a policy lists.</summary>
internal static class PrincipalMatcher
{
    /// <summary>
    /// A listed ARN matches when it is <c>*</c>, the caller's user or role ARN, its assumed-role session ARN, or the
    /// root of its account (<c>arn:aws:iam::acct:root</c>).
    /// </summary>
    public static bool IsAllowed(IEnumerable<string> allowed, KeyRecord caller)
    {
        string root = $"arn:aws:iam::{caller.AccountId}:root";
        foreach (string arn in allowed)
        {
            if (arn == "*" || arn == caller.PrincipalArn || arn == caller.CallerArn || arn == root || arn == caller.AccountId)
            {
                return true;
            }
        }

        return false;
    }
}
