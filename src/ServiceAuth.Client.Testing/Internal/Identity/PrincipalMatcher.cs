using ServiceAuth.Client.Testing.Internal.Policy;

namespace ServiceAuth.Client.Testing.Internal.Identity;

/// <summary>Matches a caller against the principal ARNs a list names (AppSync's allow list), as a policy's
/// <c>Principal</c> element does (<see cref="PolicyPrincipal.Match"/>).</summary>
internal static class PrincipalMatcher
{
    /// <summary>
    /// A listed ARN matches when it is <c>*</c>, the caller's user or role ARN, its assumed-role session ARN, or its
    /// account (the id or <c>arn:aws:iam::acct:root</c>).
    /// </summary>
    public static bool IsAllowed(IEnumerable<string> allowed, KeyRecord caller) =>
        new PolicyPrincipal(caller.PrincipalArn, caller.CallerArn, caller.AccountId).BestMatch(allowed) != PrincipalMatch.None;
}
