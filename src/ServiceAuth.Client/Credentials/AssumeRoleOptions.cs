namespace ServiceAuth.Client.Credentials;

/// <summary>
/// A role to assume through STS <c>AssumeRole</c>; the temporary credentials are cached and refreshed ahead of expiry.
/// </summary>
public sealed class AssumeRoleOptions
{
    /// <summary>Gets or sets the ARN of the role to assume, for example <c>arn:aws:iam::222233334444:role/orders-caller</c>. Required.</summary>
    public string? RoleArn { get; set; }

    /// <summary>Gets or sets the role session name: 2 to 64 characters of <c>[\w+=,.@-]</c>.</summary>
    /// <value>The default value is <see langword="null"/>: derived from the application name, sanitised.</value>
    public string? RoleSessionName { get; set; }

    /// <summary>Gets or sets the external id the role's trust policy requires: 2 to 1,224 characters of <c>[\w+=,.@:/-]</c>.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? ExternalId { get; set; }

    /// <summary>Gets or sets the session duration in seconds, from 900 to 43,200 (at most 3,600 when role chaining).</summary>
    /// <value>The default value is 3,600.</value>
    public int DurationSeconds { get; set; } = 3600;

    /// <summary>Gets or sets an inline session policy (JSON) that narrows the role's permissions.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Policy { get; set; }

    /// <summary>Gets the ARNs of managed session policies (at most 10).</summary>
    public IList<string> PolicyArns { get; } = [];

    /// <summary>Gets the session tags (at most 50).</summary>
    public IDictionary<string, string> Tags { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Gets the keys of session tags that pass to chained roles.</summary>
    public IList<string> TransitiveTagKeys { get; } = [];

    /// <summary>Gets or sets the source identity: 2 to 64 characters of <c>[\w+=,.@-]</c>, not starting with <c>aws:</c>.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? SourceIdentity { get; set; }

    /// <summary>Gets or sets the region of the STS endpoint; always a regional endpoint.</summary>
    /// <value>The default value is <see langword="null"/>: the client's region.</value>
    public string? StsRegion { get; set; }

    /// <summary>Gets or sets the STS endpoint URL, for VPC endpoints and tests.</summary>
    /// <value>The default value is <see langword="null"/>: <c>https://sts.&lt;StsRegion&gt;.amazonaws.com</c>.</value>
    public Uri? StsEndpoint { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"AssumeRoleOptions {{ RoleArn = {RoleArn}, RoleSessionName = {RoleSessionName}, DurationSeconds = {DurationSeconds} }}";
}
