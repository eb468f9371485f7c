using Polly;
using Polly.Hedging;
using Polly.Retry;
using ServiceAuth.Client.Protocol.Internal;
using ServiceAuth.Client.Retry.Internal;

namespace ServiceAuth.Client;

/// <summary>
/// The AWS retry classification as Polly predicates, to plug into Microsoft.Extensions.Http.Resilience's standard
/// handlers: <c>AddStandardResilienceHandler(o =&gt; o.Retry.ShouldHandle = AwsResilience.ShouldHandle)</c> or
/// <c>AddStandardHedgingHandler().Configure(o =&gt; o.Hedging.ShouldHandle = AwsResilience.ShouldHandle)</c>.
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
public static class AwsResilience
{
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

    private static async ValueTask<bool> IsRetryableAsync(Outcome<HttpResponseMessage> outcome, ResilienceContext context) =>
        AwsErrorClassifier.IsRetryable(await AwsOutcomeClassifier.ClassifyAsync(outcome, context).ConfigureAwait(false))
        && AwsOutcomeClassifier.CanReplay(context);
}
