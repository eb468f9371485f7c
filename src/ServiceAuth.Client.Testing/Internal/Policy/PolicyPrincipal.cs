namespace ServiceAuth.Client.Testing.Internal.Policy;

/// <summary>The caller as policies see it: a user, or an assumed-role session of a role.</summary>
internal sealed class PolicyPrincipal
{
    public PolicyPrincipal(string principalArn, string callerArn, string accountId)
    {
        PrincipalArn = principalArn;
        CallerArn = callerArn;
        AccountId = accountId;
    }

    /// <summary>Gets the user ARN, or the role ARN of a session (what <c>aws:PrincipalArn</c> holds).</summary>
    public string PrincipalArn { get; }

    /// <summary>Gets the user ARN, or the session ARN <c>arn:aws:sts::acct:assumed-role/role/session</c>.</summary>
    public string CallerArn { get; }

    public string AccountId { get; }

    public bool IsSession => PrincipalArn != CallerArn;

    /// <summary>How a <c>Principal</c> value names this caller: <c>*</c>; the account (its id or root ARN), which
    /// delegates to the account's identity-based policies; or the user, role or session itself.</summary>
    public PrincipalMatch Match(string value)
    {
        if (value == "*")
        {
            return PrincipalMatch.Anyone;
        }

        if (value == AccountId || value == $"arn:aws:iam::{AccountId}:root")
        {
            return PrincipalMatch.Account;
        }

        if (value == CallerArn)
        {
            return PrincipalMatch.Caller;
        }

        return value == PrincipalArn ? PrincipalMatch.Role : PrincipalMatch.None;
    }

    /// <summary>The best match among <paramref name="values"/> (the caller itself before its role, before its account).</summary>
    public PrincipalMatch BestMatch(IEnumerable<string> values) =>
        values.Select(Match).DefaultIfEmpty(PrincipalMatch.None).Max();

    /// <summary>Whether a <c>NotPrincipal</c> list exempts this caller: as the NotPrincipal page describes, AWS checks the
    /// account, then the role, then the session, so the list must name the account and the user, role or session.</summary>
    public bool IsExemptedBy(IReadOnlyList<string> notPrincipals) =>
        notPrincipals.Contains("*") || (notPrincipals.Any(v => Match(v) == PrincipalMatch.Account) && notPrincipals.Any(v => Match(v) is PrincipalMatch.Caller or PrincipalMatch.Role));

    public override string ToString() => CallerArn;
}
