using Polly;
using Polly.Hedging;
using Polly.Retry;
using ServiceAuth.Client.Protocol.Internal;
using ServiceAuth.Client.Resilience.Internal;

namespace ServiceAuth.Client;

/// <summary>
/// The AWS retry classification as Polly predicates, to plug into Microsoft.Extensions.Http.Resilience's standard
/// handlers: <c>AddStandardResilienceHandler(o =&gt; o.Retry.ShouldHandle = AwsRetryPredicates.ShouldHandle)</c> or
/// <c>AddStandardHedgingHandler().Configure(o =&gt; o.Hedging.ShouldHandle = AwsRetryPredicates.ShouldHandle)</c>.
/// </summary>
/// <remarks>
/// Handled: throttling, whatever its status (HTTP 400 <c>Throttling</c>, <c>ThrottlingException</c>,
/// <c>RequestLimitExceeded</c> and the other codes the AWS SDKs list; 429), 500, 502, 503, 504, the transient codes
/// (<c>RequestTimeout</c>, <c>InternalError</c>, …), timeouts and connection failures; never the caller's own
/// cancellation, other 4xx or 501, nor a request whose body cannot be sent again. The error code is read from
/// <c>x-amzn-ErrorType</c>, an XML <c>&lt;Code&gt;</c> or a JSON <c>__type</c> without taking the body from the caller.
/// The predicates do not look at the HTTP method: the standard handlers retry every method unless told otherwise
/// (<c>DisableForUnsafeHttpMethods</c>).
/// </remarks>
public static class AwsRetryPredicates
{
    private static readonly Func<RetryDelayGeneratorArguments<HttpResponseMessage>, ValueTask<TimeSpan?>> DefaultDelays = CreateDelayGenerator(new AwsRetryOptions());

    /// <summary>Whether a retry strategy should retry this outcome, by the AWS classification.</summary>
    /// <param name="args">The arguments Polly passes to <see cref="RetryStrategyOptions{TResult}.ShouldHandle"/>.</param>
    /// <returns><see langword="true"/> for throttling and transient errors of a request that can be sent again.</returns>
    public static ValueTask<bool> ShouldHandle(RetryPredicateArguments<HttpResponseMessage> args) =>
        IsRetryableAsync(args.Outcome, args.Context);

    /// <summary>Whether a hedging strategy should send another hedged request after this outcome, by the AWS classification.</summary>
    /// <param name="args">The arguments Polly passes to <see cref="HedgingStrategyOptions{TResult}.ShouldHandle"/>.</param>
    /// <returns><see langword="true"/> for throttling and transient errors of a request that can be sent again.</returns>
    public static ValueTask<bool> ShouldHandle(HedgingPredicateArguments<HttpResponseMessage> args) =>
        IsRetryableAsync(args.Outcome, args.Context);

    /// <summary>
    /// The AWS retry delay with the defaults of <see cref="AwsRetryOptions"/>: full jitter under 50 ms × 2^attempt after
    /// a transient error or 1 s × 2^attempt after throttling, capped at 20 s, then <c>x-amz-retry-after</c> (kept within
    /// [computed, computed + 5 s]) or a longer <c>Retry-After</c>. Use it beside <see cref="ShouldHandle(RetryPredicateArguments{HttpResponseMessage})"/>,
    /// which tells it whether the error was throttling.
    /// </summary>
    /// <param name="args">The arguments Polly passes to <see cref="RetryStrategyOptions{TResult}.DelayGenerator"/>.</param>
    /// <returns>The delay before the next attempt.</returns>
    public static ValueTask<TimeSpan?> DelayGenerator(RetryDelayGeneratorArguments<HttpResponseMessage> args) => DefaultDelays(args);

    /// <summary>Creates the AWS retry delay generator with the bases, cap and <c>Retry-After</c> handling of <paramref name="options"/>.</summary>
    /// <param name="options">The delays to use; the retry budget and method settings are not used here.</param>
    /// <param name="timeProvider">The clock a <c>Retry-After</c> date is compared with; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <returns>A delegate for <see cref="RetryStrategyOptions{TResult}.DelayGenerator"/>.</returns>
    public static Func<RetryDelayGeneratorArguments<HttpResponseMessage>, ValueTask<TimeSpan?>> CreateDelayGenerator(AwsRetryOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var delays = new AwsRetryDelays(options, new FullJitterBackoff(timeProvider ?? TimeProvider.System, SystemRandomizer.Shared));
        return args =>
        {
            AwsErrorKind kind = AwsOutcomeClassifier.LastKind(args.Context)
                ?? (args.Outcome.Result?.StatusCode == System.Net.HttpStatusCode.TooManyRequests ? AwsErrorKind.Throttling : AwsErrorKind.Transient);
            return ValueTask.FromResult<TimeSpan?>(delays.DelayFor(kind, args.AttemptNumber, args.Outcome.Result));
        };
    }

    private static async ValueTask<bool> IsRetryableAsync(Outcome<HttpResponseMessage> outcome, ResilienceContext context) =>
        AwsErrorClassifier.IsRetryable(await AwsOutcomeClassifier.ClassifyAsync(outcome, context).ConfigureAwait(false))
        && AwsOutcomeClassifier.CanReplay(context);
}
