using ServiceAuth.Client.Protocol.Internal;
using ServiceAuth.Client.Resilience.Internal;

namespace ServiceAuth.Client;

/// <summary>
/// Options of the AWS-aware retry handler added by <c>AddAwsRetries</c>: what the AWS SDKs' standard retry mode retries
/// (throttling, including HTTP 400 with a throttling code; 5xx; timeouts and connection failures), with exponential
/// backoff, full jitter and a retry budget, under the 2026 retry defaults. Validated when the host starts.
/// </summary>
public sealed class AwsRetryOptions
{
    /// <summary>Gets or sets how many times a request is retried after the first attempt, from 0 to 10.</summary>
    /// <value>The default value is 2 (3 attempts in all).</value>
    public int MaxRetryAttempts { get; set; } = RetryDelays.DefaultMaxAttempts - 1;

    /// <summary>Gets or sets the base of the exponential backoff after a transient error (5xx, timeout, connection failure).</summary>
    /// <value>The default value is 50 milliseconds (the 2026 retry update).</value>
    public TimeSpan TransientBaseDelay { get; set; } = RetryDelays.Default.TransientBaseDelay;

    /// <summary>Gets or sets the base of the exponential backoff after throttling.</summary>
    /// <value>The default value is 1 second.</value>
    public TimeSpan ThrottlingBaseDelay { get; set; } = RetryDelays.Default.ThrottlingBaseDelay;

    /// <summary>Gets or sets the longest delay between attempts, at most 5 minutes.</summary>
    /// <value>The default value is 20 seconds.</value>
    public TimeSpan MaxDelay { get; set; } = RetryDelays.Default.MaxDelay;

    /// <summary>Gets or sets the size of the client's retry budget (a token bucket shared by all its requests); 0 turns
    /// the budget off.</summary>
    /// <value>The default value is 500.</value>
    public int RetryBudget { get; set; } = 500;

    /// <summary>Gets or sets the budget tokens a retry after a transient error costs.</summary>
    /// <value>The default value is 14 (the 2026 retry update).</value>
    public int TransientRetryCost { get; set; } = 14;

    /// <summary>Gets or sets the budget tokens a retry after throttling costs.</summary>
    /// <value>The default value is 5.</value>
    public int ThrottlingRetryCost { get; set; } = 5;

    /// <summary>Gets or sets a value indicating whether requests that are not idempotent (POST, PATCH, and methods other than
    /// GET, HEAD, OPTIONS, PUT, DELETE and TRACE) are retried too.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool RetryNonIdempotent { get; set; }

    /// <summary>Gets or sets a value indicating whether <c>Retry-After</c> and <c>x-amz-retry-after</c> are honoured
    /// (<c>x-amz-retry-after</c> within 5 seconds over the computed delay, both within <see cref="MaxDelay"/>).</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool HonorRetryAfter { get; set; } = true;

    /// <inheritdoc />
    public override string ToString() =>
        $"AwsRetryOptions {{ MaxRetryAttempts = {MaxRetryAttempts}, TransientBaseDelay = {TransientBaseDelay}, ThrottlingBaseDelay = {ThrottlingBaseDelay}, MaxDelay = {MaxDelay}, RetryBudget = {RetryBudget} }}";
}
