using Amazon.Runtime;

namespace Contoso.Orders;

/// <summary>What a Contoso team may change when it calls the Orders service; everything else is fixed by the platform.</summary>
public sealed class ContosoOrdersOptions
{
    /// <summary>Gets or sets the Orders API; the platform's production endpoint unless a test or another stage overrides it.</summary>
    public Uri BaseAddress { get; set; } = ContosoOrdersDefaults.BaseAddress;

    /// <summary>Gets or sets the STS endpoint; the regional endpoint unless overridden (VPC endpoints, tests).</summary>
    public Uri? StsEndpoint { get; set; }

    /// <summary>Gets or sets the caller's own credentials, the source for assuming the Orders role; the default chain when null.</summary>
    public AWSCredentials? Credentials { get; set; }
}
