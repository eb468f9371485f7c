namespace ServiceAuth.Client.Protocol.Internal;

/// <summary>The bases and cap of an exponential backoff. <see cref="Default"/> is the one set of retry defaults (the AWS
/// SDKs' standard retry mode after the 2026 update) that <c>AwsRetryOptions</c> and the STS calls start from; the SNS
/// batch rounds keep their own documented 200 ms base and 10 s cap.</summary>
internal sealed record RetryDelays(TimeSpan TransientBaseDelay, TimeSpan ThrottlingBaseDelay, TimeSpan MaxDelay)
{
    /// <summary>Attempts per operation, the first included (the standard mode's 3).</summary>
    public const int DefaultMaxAttempts = 3;

    /// <summary>50 ms after a transient error, 1 s after throttling, capped at 20 s.</summary>
    public static RetryDelays Default { get; } = new(TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20));

    /// <summary>The base for an error: the throttling base after throttling, the transient base otherwise.</summary>
    public TimeSpan BaseDelay(AwsErrorKind kind) => kind == AwsErrorKind.Throttling ? ThrottlingBaseDelay : TransientBaseDelay;
}
