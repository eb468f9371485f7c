using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using ServiceAuth.Client.Diagnostics;
using ServiceAuth.Client.Protocol.Internal;
using ServiceAuth.Client.Signing;

namespace ServiceAuth.Client.Retry.Internal;

/// <summary>
/// Retries what the AWS SDKs retry, on a Polly pipeline: throttling (HTTP 400 with a throttling code, 429), 5xx,
/// timeouts and connection failures, with exponential backoff, full jitter, <c>Retry-After</c>/<c>x-amz-retry-after</c>
/// and a retry budget. Idempotent requests only unless told otherwise, and only bodies that can be sent again. It sits
/// outside the signing handler, so every attempt is signed afresh with the current credentials and time.
/// </summary>
internal sealed class AwsRetryHandler : DelegatingHandler
{
    private static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("ServiceAuth.Request");
    private static readonly ResiliencePropertyKey<AwsErrorKind> KindKey = new("ServiceAuth.ErrorKind");
    private static readonly ResiliencePropertyKey<int> CostKey = new("ServiceAuth.RetryCost");

    private readonly AwsRetryOptions _options;
    private readonly RetryBudget _budget;
    private readonly FullJitterBackoff _backoff;
    private readonly RetryDelays _delays;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public AwsRetryHandler(AwsRetryOptions options, RetryBudget budget, FullJitterBackoff backoff, ILogger logger)
    {
        _options = options;
        _budget = budget;
        _backoff = backoff;
        _delays = new RetryDelays(options.TransientBaseDelay, options.ThrottlingBaseDelay, options.MaxDelay);
        _logger = logger;
        _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = backoff.TimeProvider }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(1, options.MaxRetryAttempts),
                ShouldHandle = ShouldRetryAsync,
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(DelayFor(args.Context.Properties.GetValue(KindKey, AwsErrorKind.Transient), args.AttemptNumber, args.Outcome.Result)),
                OnRetry = OnRetryAsync,
            })
            .Build();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_options.MaxRetryAttempts == 0 || (!_options.RetryNonIdempotent && !IsIdempotent(request.Method)))
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        ResilienceContext context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            context.Properties.Set(RequestKey, request);
            Outcome<HttpResponseMessage> outcome = await _pipeline.ExecuteOutcomeAsync(
                static async (ctx, self) =>
                {
                    try
                    {
                        return Outcome.FromResult(await self.SendInnerAsync(ctx.Properties.GetValue(RequestKey, null!), ctx.CancellationToken).ConfigureAwait(false));
                    }
                    catch (Exception e)
                    {
                        return Outcome.FromException<HttpResponseMessage>(e);
                    }
                },
                context,
                this).ConfigureAwait(false);
            if (outcome.Exception is null && outcome.Result is { IsSuccessStatusCode: true })
            {
                _budget.Release(context.Properties.GetValue(CostKey, 0) is > 0 and int cost ? cost : 1);
            }

            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>The delay before retry <paramref name="attempt"/> + 1: full jitter under the kind's base, then the server's wish.</summary>
    internal TimeSpan DelayFor(AwsErrorKind kind, int attempt, HttpResponseMessage? response)
    {
        TimeSpan computed = _backoff.Delay(kind, attempt, _delays);
        return _options.HonorRetryAfter ? RetryAfter.Apply(response, computed, _options.MaxDelay, _backoff.TimeProvider.GetUtcNow()) : computed;
    }

    internal static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options || method == HttpMethod.Put
        || method == HttpMethod.Delete || method == HttpMethod.Trace;

    private Task<HttpResponseMessage> SendInnerAsync(HttpRequestMessage request, CancellationToken cancellationToken) => base.SendAsync(request, cancellationToken);

    private async ValueTask<bool> ShouldRetryAsync(RetryPredicateArguments<HttpResponseMessage> args)
    {
        if (args.AttemptNumber >= _options.MaxRetryAttempts || args.Context.CancellationToken.IsCancellationRequested)
        {
            return false;
        }

        AwsErrorKind kind = args.Outcome.Exception is { } e
            ? AwsErrorClassifier.Classify(e, args.Context.CancellationToken)
            : await ClassifyAsync(args.Outcome.Result!, args.Context.CancellationToken).ConfigureAwait(false);
        HttpRequestMessage request = args.Context.Properties.GetValue(RequestKey, null!);
        if (!AwsErrorClassifier.IsRetryable(kind) || !ReplayableContent.IsReplayable(request))
        {
            return false;
        }

        int cost = kind == AwsErrorKind.Throttling ? _options.ThrottlingRetryCost : _options.TransientRetryCost;
        if (!_budget.TryAcquire(cost))
        {
            Log.RetryBudgetExhausted(_logger, request.Method.Method, Endpoint(request), kind.ToString());
            return false;
        }

        args.Context.Properties.Set(KindKey, kind);
        args.Context.Properties.Set(CostKey, cost);
        return true;
    }

    private static async ValueTask<AwsErrorKind> ClassifyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        int status = (int)response.StatusCode;
        if (status < 400)
        {
            return AwsErrorKind.None;
        }

        string? code = status is 400 or 403 or 429 or >= 500 ? await AwsErrorResponse.ReadCodeAsync(response, cancellationToken).ConfigureAwait(false) : null;
        return AwsErrorClassifier.Classify(status, code);
    }

    private ValueTask OnRetryAsync(OnRetryArguments<HttpResponseMessage> args)
    {
        HttpRequestMessage request = args.Context.Properties.GetValue(RequestKey, null!);
        AwsErrorKind kind = args.Context.Properties.GetValue(KindKey, AwsErrorKind.Transient);
        RetryMetrics.Retried(kind == AwsErrorKind.Throttling ? "throttling" : "transient");
        Log.RetryingRequest(_logger, request.Method.Method, Endpoint(request), kind.ToString(), args.RetryDelay.TotalMilliseconds, args.AttemptNumber + 1);
        args.Outcome.Result?.Dispose();
        return ValueTask.CompletedTask;
    }

    private static string Endpoint(HttpRequestMessage request) =>
        request.RequestUri is { IsAbsoluteUri: true } uri ? uri.GetLeftPart(UriPartial.Path) : request.RequestUri?.OriginalString ?? "(no URI)";
}
