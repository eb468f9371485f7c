using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using ServiceAuth.Client.Diagnostics;
using ServiceAuth.Client.Protocol.Internal;

namespace ServiceAuth.Client.Resilience.Internal;

/// <summary>
/// The retry strategy <c>AddAwsRetries</c> puts in its resilience pipeline: the AWS classification
/// (<see cref="AwsOutcomeClassifier"/>), idempotent methods unless told otherwise, the retry budget, and the AWS
/// full-jitter backoff with <c>Retry-After</c>/<c>x-amz-retry-after</c> as the delay generator. Polly (through
/// Microsoft.Extensions.Http.Resilience) runs the attempts, disposes discarded answers and reports its telemetry.
/// </summary>
internal sealed class AwsRetryStrategy(AwsRetryOptions options, RetryBudget budget, FullJitterBackoff backoff, ILogger logger, RetryMetrics? metrics = null)
{
    private readonly RetryMetrics _metrics = metrics ?? RetryMetrics.Shared;

    private static readonly ResiliencePropertyKey<int> CostKey = new("ServiceAuth.RetryCost");

    private readonly AwsRetryDelays _delays = new(options, backoff);

    public HttpRetryStrategyOptions CreateOptions() => new()
    {
        Name = "AwsRetry",
        MaxRetryAttempts = Math.Max(1, options.MaxRetryAttempts),
        ShouldRetryAfterHeader = false, // the delay generator below honours Retry-After and x-amz-retry-after itself
        ShouldHandle = ShouldRetryAsync,
        DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(DelayFor(AwsOutcomeClassifier.LastKind(args.Context) ?? AwsErrorKind.Transient, args.AttemptNumber, args.Outcome.Result)),
        OnRetry = OnRetryAsync,
    };

    /// <summary>The delay before retry <paramref name="attempt"/> + 1: full jitter under the kind's base, then the server's wish.</summary>
    internal TimeSpan DelayFor(AwsErrorKind kind, int attempt, HttpResponseMessage? response) => _delays.DelayFor(kind, attempt, response);

    internal static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options || method == HttpMethod.Put
        || method == HttpMethod.Delete || method == HttpMethod.Trace;

    /// <summary>Whether the sender marked the request safe to send again (<see cref="ServiceAuthRequestOptions.RetrySafe"/>):
    /// the SNS and EventBridge publishers do, their requests are POSTs whose entries AWS does not apply twice.</summary>
    internal static bool IsMarkedRetrySafe(HttpRequestMessage request) =>
        request.Options.TryGetValue(ServiceAuthRequestOptions.RetrySafe, out bool retrySafe) && retrySafe;

    private async ValueTask<bool> ShouldRetryAsync(RetryPredicateArguments<HttpResponseMessage> args)
    {
        ResilienceContext context = args.Context;
        if (args.Outcome.Result is { IsSuccessStatusCode: true })
        {
            budget.Release(context.Properties.GetValue(CostKey, 0) is > 0 and int cost ? cost : 1);
            return false;
        }

        HttpRequestMessage? request = context.GetRequestMessage();
        if (args.AttemptNumber >= options.MaxRetryAttempts || context.CancellationToken.IsCancellationRequested
            || (request is not null && !options.RetryNonIdempotent && !IsIdempotent(request.Method) && !IsMarkedRetrySafe(request)))
        {
            return false;
        }

        AwsErrorKind kind = await AwsOutcomeClassifier.ClassifyAsync(args.Outcome, context).ConfigureAwait(false);
        if (!AwsErrorClassifier.IsRetryable(kind) || !AwsOutcomeClassifier.CanReplay(context))
        {
            return false;
        }

        int retryCost = kind == AwsErrorKind.Throttling ? options.ThrottlingRetryCost : options.TransientRetryCost;
        if (!budget.TryAcquire(retryCost))
        {
            ResilienceLog.RetryBudgetExhausted(logger, request?.Method.Method ?? "?", Endpoint(request), kind.ToString());
            return false;
        }

        context.Properties.Set(CostKey, retryCost);
        return true;
    }

    private ValueTask OnRetryAsync(OnRetryArguments<HttpResponseMessage> args)
    {
        HttpRequestMessage? request = args.Context.GetRequestMessage();
        AwsErrorKind kind = AwsOutcomeClassifier.LastKind(args.Context) ?? AwsErrorKind.Transient;
        _metrics.Retried(kind == AwsErrorKind.Throttling ? "throttling" : "transient");
        ResilienceLog.RetryingRequest(logger, request?.Method.Method ?? "?", Endpoint(request), kind.ToString(), args.RetryDelay.TotalMilliseconds, args.AttemptNumber + 1);
        return ValueTask.CompletedTask;
    }

    private static string Endpoint(HttpRequestMessage? request) =>
        request?.RequestUri is { IsAbsoluteUri: true } uri ? uri.GetLeftPart(UriPartial.Path) : request?.RequestUri?.OriginalString ?? "(no URI)";
}
