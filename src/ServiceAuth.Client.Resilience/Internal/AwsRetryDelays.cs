using ServiceAuth.Client.Protocol.Internal;

namespace ServiceAuth.Client.Resilience.Internal;

/// <summary>The AWS retry delay: full jitter under the error kind's base (<see cref="FullJitterBackoff"/>), then the
/// server's wish (<c>Retry-After</c>, <c>x-amz-retry-after</c>) when <see cref="AwsRetryOptions.HonorRetryAfter"/>.</summary>
internal sealed class AwsRetryDelays(AwsRetryOptions options, FullJitterBackoff backoff)
{
    private readonly RetryDelays _delays = new(options.TransientBaseDelay, options.ThrottlingBaseDelay, options.MaxDelay);

    /// <summary>The delay before retry <paramref name="attempt"/> + 1.</summary>
    public TimeSpan DelayFor(AwsErrorKind kind, int attempt, HttpResponseMessage? response)
    {
        TimeSpan computed = backoff.Delay(kind, attempt, _delays);
        return options.HonorRetryAfter ? RetryAfter.Apply(response, computed, options.MaxDelay, backoff.TimeProvider.GetUtcNow()) : computed;
    }
}
