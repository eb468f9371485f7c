namespace ServiceAuth.Client.Testing.Internal.Policy;

/// <summary>How a <c>Principal</c> element names the caller, weakest first.</summary>
internal enum PrincipalMatch
{
    None,

    /// <summary>The account (id or <c>:root</c>): the account's identity-based policies decide.</summary>
    Account,

    /// <summary><c>*</c>: everyone.</summary>
    Anyone,

    /// <summary>The role of an assumed-role session (the session's policies still limit it).</summary>
    Role,

    /// <summary>The user or the session itself.</summary>
    Caller,
}
