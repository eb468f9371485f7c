namespace ServiceAuth.Client.Testing;

/// <summary>Settings of a <see cref="LocalAwsEndpoint"/>.</summary>
public sealed class LocalAwsEndpointOptions
{
    /// <summary>Gets or sets the clock of the endpoint: signature times, token expiry, the <c>Date</c> header and fault delays.</summary>
    /// <value>The default value is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Gets or sets how far a request's <c>X-Amz-Date</c> may be from the endpoint's clock.</summary>
    /// <value>The default value is 5 minutes.</value>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Gets or sets a lifetime that replaces the <c>DurationSeconds</c> of every AssumeRole call, so tests can issue
    /// credentials that expire soon (for example 2 minutes) without breaking the 900-second minimum of the request.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: the requested duration (3600 seconds when absent).</value>
    public TimeSpan? IssuedCredentialLifetime { get; set; }

    /// <summary>Gets or sets the region that appears in API route resource ARNs.</summary>
    /// <value>The default value is <c>us-east-1</c>.</value>
    public string Region { get; set; } = "us-east-1";

    /// <summary>Gets or sets the account that owns the API routes (it appears in their resource ARNs).</summary>
    /// <value>The default value is <c>111111111111</c>.</value>
    public string AccountId { get; set; } = "111111111111";

    /// <summary>Gets or sets the largest <c>PutEvents</c> request by AWS's entry-size formula; a larger one is answered with
    /// <c>ValidationException</c>. Set 262,144 to act as EventBridge did before AWS raised the limit in January 2026.</summary>
    /// <value>The default value is 1,048,576 (1 MiB), EventBridge's PutEvents limit since January 2026.</value>
    public int EventBridgeMaxRequestBytes { get; set; } = 1_048_576;
}
