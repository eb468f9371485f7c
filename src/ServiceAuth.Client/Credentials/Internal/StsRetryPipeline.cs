using Amazon.Runtime;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using ServiceAuth.Client.Protocol.Internal;

namespace ServiceAuth.Client.Credentials.Internal;

/// <summary>
/// The Polly pipeline around one STS call: a total timeout, then retries of throttling, 5xx, timeouts and connection
/// failures with exponential backoff and full jitter (throttling and transient errors have their own base delay), then a
/// per-attempt timeout. Access denied, bad input, a disabled region and expired source credentials are never retried.
/// </summary>
internal static class StsRetryPipeline
{
    public static ResiliencePipeline Create(StsCallSettings settings, TimeProvider timeProvider, Action<Exception, int>? onRetry = null)
    {
        var backoff = new FullJitterBackoff(timeProvider, settings.Randomizer);
        var delays = new RetryDelays(settings.TransientBaseDelay, settings.ThrottlingBaseDelay, settings.MaxDelay);
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
        builder.AddTimeout(settings.TotalTimeout);
        if (settings.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = settings.MaxAttempts - 1,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e && AwsErrorClassifier.IsRetryable(Classify(e))),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(backoff.Delay(Classify(args.Outcome.Exception!), args.AttemptNumber, delays)),
                OnRetry = args =>
                {
                    onRetry?.Invoke(args.Outcome.Exception!, args.AttemptNumber + 1);
                    return ValueTask.CompletedTask;
                },
            });
        }

        builder.AddTimeout(settings.AttemptTimeout);
        return builder.Build();
    }

    /// <summary>Classifies an STS failure: a service error by its code and status, anything else as the HTTP layer would.</summary>
    public static AwsErrorKind Classify(Exception exception) => exception switch
    {
        AmazonServiceException { ErrorCode: { Length: > 0 } code } service => Demote(AwsErrorClassifier.Classify((int)service.StatusCode, code)),
        AmazonServiceException { StatusCode: not 0 } service when service.InnerException is null => Demote(AwsErrorClassifier.Classify((int)service.StatusCode, null)),
        TimeoutRejectedException => AwsErrorKind.Transient,
        _ => AwsErrorClassifier.Classify(exception),
    };

    // For STS, a rejected source credential or a signature error is not ours to fix by retrying.
    private static AwsErrorKind Demote(AwsErrorKind kind) => AwsErrorClassifier.IsRetryable(kind) ? kind : AwsErrorKind.NonRecoverable;
}
