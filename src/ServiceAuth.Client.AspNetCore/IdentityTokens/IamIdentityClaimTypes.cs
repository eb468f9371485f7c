namespace ServiceAuth.Client.AspNetCore.IdentityTokens;

/// <summary>The claims an IAM identity token authenticates, all taken from STS's <c>GetCallerIdentity</c> answer.</summary>
public static class IamIdentityClaimTypes
{
    /// <summary>The 12-digit AWS account id of the caller.</summary>
    public const string Account = "aws:account";

    /// <summary>The caller's ARN as STS reports it, for example <c>arn:aws:sts::111111111111:assumed-role/checkout/i-0abc</c>
    /// or <c>arn:aws:iam::111111111111:user/deploy</c>. Also the identity's name claim.</summary>
    public const string Arn = "aws:arn";

    /// <summary>The kind of principal: <c>user</c>, <c>assumed-role</c>, <c>federated-user</c> or <c>root</c>.</summary>
    public const string PrincipalType = "aws:principal_type";

    /// <summary>For an assumed-role session, the role's ARN <c>arn:aws:iam::&lt;account&gt;:role/&lt;name&gt;</c>. STS
    /// does not report the role's path, so the ARN has none (role names are unique in an account, path or not).</summary>
    public const string RoleArn = "aws:role_arn";

    /// <summary>For an assumed-role session, the session name. The caller chooses it: never authorize on it.</summary>
    public const string SessionName = "aws:session_name";

    /// <summary>The principal's unique id (<c>AIDA…</c> for a user, <c>AROA…</c> for a role), which changes when a user or
    /// role of the same name is deleted and created again.</summary>
    public const string UserId = "aws:user_id";
}
