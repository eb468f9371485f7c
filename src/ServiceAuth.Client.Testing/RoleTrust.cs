namespace ServiceAuth.Client.Testing;

/// <summary>The trust policy of a role: who may call <c>sts:AssumeRole</c> on it, and with which ExternalId.</summary>
public sealed class RoleTrust
{
    private readonly List<string> _principals = [];

    internal RoleTrust()
    {
    }

    /// <summary>Gets or sets the role's maximum session duration.</summary>
    /// <value>The default value is 1 hour, as in IAM. Allowed: 1 to 12 hours.</value>
    public TimeSpan MaxSessionDuration { get; set; } = TimeSpan.FromHours(1);

    internal IReadOnlyList<string> Principals => _principals;

    internal string? ExternalId { get; private set; }

    /// <summary>Allows a principal to assume the role.</summary>
    /// <param name="principalArn">A user or role ARN, an assumed-role session ARN, <c>arn:aws:iam::&lt;account&gt;:root</c> for a whole account, or <c>*</c>.</param>
    /// <returns>This instance.</returns>
    public RoleTrust AllowPrincipal(string principalArn)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(principalArn);
        _principals.Add(principalArn);
        return this;
    }

    /// <summary>Requires the caller to pass this ExternalId (the <c>sts:ExternalId</c> condition).</summary>
    /// <param name="externalId">The required value.</param>
    /// <returns>This instance.</returns>
    public RoleTrust RequireExternalId(string externalId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(externalId);
        ExternalId = externalId;
        return this;
    }
}
