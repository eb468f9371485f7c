namespace ServiceAuth.Client.Testing;

/// <summary>
/// Where a caller's requests come from and what its principal carries, for policy conditions: set it with
/// <see cref="LocalAwsEndpoint.SetCallerContext"/> for a user, a role (all its sessions) or one session. A request can
/// override the network keys with the headers <c>x-local-aws-source-ip</c>, <c>x-local-aws-source-vpc</c> and
/// <c>x-local-aws-source-vpce</c>, which only this endpoint reads.
/// </summary>
public sealed class LocalCallerContext
{
    /// <summary>Gets or sets <c>aws:SourceIp</c>.</summary>
    /// <value>The default value is <c>127.0.0.1</c>; the key is absent when <see cref="SourceVpce"/> is set, as AWS leaves it
    /// out of requests that arrive through a VPC endpoint.</value>
    public string? SourceIp { get; set; }

    /// <summary>Gets or sets <c>aws:SourceVpc</c>, the VPC the request comes from through a VPC endpoint.</summary>
    /// <value>The default value is <see langword="null"/>: the key is absent.</value>
    public string? SourceVpc { get; set; }

    /// <summary>Gets or sets <c>aws:SourceVpce</c>, the VPC endpoint the request comes through.</summary>
    /// <value>The default value is <see langword="null"/>: the key is absent.</value>
    public string? SourceVpce { get; set; }

    /// <summary>Gets or sets <c>aws:SecureTransport</c>.</summary>
    /// <value>The default value is <see langword="true"/>, as a production call over TLS has it (the local endpoint
    /// speaks plain HTTP, but policies that deny insecure transport should not deny every local test).</value>
    public bool SecureTransport { get; set; } = true;

    /// <summary>Gets or sets <c>aws:SourceArn</c> (a service acting for a resource).</summary>
    /// <value>The default value is <see langword="null"/>: the key is absent.</value>
    public string? SourceArn { get; set; }

    /// <summary>Gets or sets <c>aws:SourceAccount</c>.</summary>
    /// <value>The default value is <see langword="null"/>: the key is absent.</value>
    public string? SourceAccount { get; set; }

    /// <summary>Gets the principal's tags, read as <c>aws:PrincipalTag/&lt;key&gt;</c>.</summary>
    public IDictionary<string, string> PrincipalTags { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
}
