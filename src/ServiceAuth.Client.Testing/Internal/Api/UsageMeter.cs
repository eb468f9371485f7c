namespace ServiceAuth.Client.Testing.Internal.Api;

/// <summary>One API key's token bucket and quota counter, measured with <see cref="TimeProvider.GetTimestamp"/>.</summary>
internal sealed class UsageMeter
{
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private double _tokens = double.NaN;
    private long _refilledAt;
    private long _quotaStartedAt;
    private int _quotaUsed;

    public UsageMeter(TimeProvider time) => _time = time;

    /// <summary>Takes one request: <see langword="null"/> when it may pass, or the error code API Gateway answers.</summary>
    public string? Take(LocalUsagePlan plan)
    {
        lock (_gate)
        {
            long now = _time.GetTimestamp();
            if (double.IsNaN(_tokens))
            {
                (_tokens, _refilledAt, _quotaStartedAt) = (plan.BurstLimit, now, now);
            }

            if (_time.GetElapsedTime(_quotaStartedAt, now) >= plan.QuotaPeriod)
            {
                (_quotaStartedAt, _quotaUsed) = (now, 0);
            }

            if (plan.QuotaLimit is { } quota && _quotaUsed >= quota)
            {
                return "LimitExceededException";
            }

            _tokens = Math.Min(plan.BurstLimit, _tokens + (_time.GetElapsedTime(_refilledAt, now).TotalSeconds * plan.RateLimit));
            _refilledAt = now;
            if (_tokens < 1)
            {
                return "TooManyRequestsException";
            }

            _tokens--;
            _quotaUsed++;
            return null;
        }
    }
}
