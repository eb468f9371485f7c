namespace ServiceAuth.Client.Testing;

/// <summary>Fault knobs of a <see cref="LocalAwsEndpoint"/>. Thread-safe; every knob applies from the next request on.</summary>
public sealed class LocalAwsFaults
{
    private readonly object _gate = new();
    private readonly Action _expireAll;
    private readonly Dictionary<string, string> _batchEntryFailures = new(StringComparer.Ordinal);
    private int _throttleSts;
    private int _failRequests;
    private int _failStatus = 500;
    private int _failPublishes;
    private string _publishFailureCode = "InternalError";

    internal LocalAwsFaults(Action expireAll) => _expireAll = expireAll;

    /// <summary>Gets the delay applied to every request before it is handled (waited on the endpoint's TimeProvider).</summary>
    public TimeSpan RequestDelay { get; private set; }

    /// <summary>Gets how far the endpoint's clock is ahead of (or, if negative, behind) its TimeProvider.</summary>
    public TimeSpan ClockSkew { get; private set; }

    /// <summary>Answers the next <paramref name="count"/> STS calls with 400 <c>Throttling</c> "Rate exceeded".</summary>
    /// <param name="count">How many calls to throttle.</param>
    public void ThrottleNextStsCalls(int count) => Set(ref _throttleSts, count);

    /// <summary>Answers the next <paramref name="count"/> requests of any kind with a server error.</summary>
    /// <param name="count">How many requests to fail.</param>
    /// <param name="statusCode">500 (<c>InternalFailure</c>/<c>InternalError</c>), 503 (<c>ServiceUnavailable</c>) or another 5xx.</param>
    public void FailNextRequests(int count, int statusCode = 500)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 500);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        lock (_gate)
        {
            _failStatus = statusCode;
        }

        Set(ref _failRequests, count);
    }

    /// <summary>Fails the next <paramref name="count"/> SNS messages or EventBridge entries: a Publish call fails as a whole,
    /// a batch entry lands in <c>Failed</c>, a <c>PutEvents</c> entry gets the code as its <c>ErrorCode</c>.</summary>
    /// <param name="count">How many messages to fail.</param>
    /// <param name="errorCode">For SNS <c>InternalError</c> (500), <c>Throttled</c> (429), <c>Throttling</c> (400) or
    /// <c>ServiceUnavailable</c> (503); for EventBridge entries <c>InternalFailure</c> or <c>ThrottlingException</c>.</param>
    public void FailNextPublishes(int count, string errorCode = "InternalError")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(errorCode);
        lock (_gate)
        {
            _publishFailureCode = errorCode;
        }

        Set(ref _failPublishes, count);
    }

    /// <summary>Fails the next PublishBatch entry whose Id is <paramref name="entryId"/> (once).</summary>
    /// <param name="entryId">The batch entry Id.</param>
    /// <param name="errorCode">The code reported in <c>Failed</c>, for example <c>InternalError</c> or <c>Throttled</c>.</param>
    public void FailBatchEntry(string entryId, string errorCode = "InternalError")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entryId);
        ArgumentException.ThrowIfNullOrWhiteSpace(errorCode);
        lock (_gate)
        {
            _batchEntryFailures[entryId] = errorCode;
        }
    }

    /// <summary>Delays every request by <paramref name="delay"/>; <see cref="TimeSpan.Zero"/> turns it off.</summary>
    /// <param name="delay">The delay, waited with the endpoint's TimeProvider (advance a fake clock to release it).</param>
    public void Delay(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        RequestDelay = delay;
    }

    /// <summary>Moves the endpoint's clock by <paramref name="skew"/> relative to its TimeProvider (replaces an earlier skew).</summary>
    /// <param name="skew">The offset; positive means the endpoint is ahead of the client.</param>
    public void SkewClock(TimeSpan skew) => ClockSkew = skew;

    /// <summary>Expires every temporary credential issued so far: requests signed with them get <c>ExpiredToken</c>.</summary>
    public void ExpireAllIssuedTokens() => _expireAll();

    /// <summary>Turns every knob off.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _throttleSts = _failRequests = _failPublishes = 0;
            _batchEntryFailures.Clear();
        }

        RequestDelay = TimeSpan.Zero;
        ClockSkew = TimeSpan.Zero;
    }

    internal bool TakeStsThrottle() => Take(ref _throttleSts);

    internal int? TakeRequestFailure()
    {
        lock (_gate)
        {
            return Take(ref _failRequests) ? _failStatus : null;
        }
    }

    internal string? TakePublishFailure(string? entryId)
    {
        lock (_gate)
        {
            if (entryId is not null && _batchEntryFailures.Remove(entryId, out string? code))
            {
                return code;
            }

            return Take(ref _failPublishes) ? _publishFailureCode : null;
        }
    }

    private bool Take(ref int counter)
    {
        lock (_gate)
        {
            if (counter <= 0)
            {
                return false;
            }

            counter--;
            return true;
        }
    }

    private void Set(ref int counter, int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        lock (_gate)
        {
            counter = value;
        }
    }
}
