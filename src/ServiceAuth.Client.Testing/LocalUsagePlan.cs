using System.Collections.Concurrent;
using System.Security.Cryptography;
using ServiceAuth.Client.Testing.Internal.Api;

namespace ServiceAuth.Client.Testing;

/// <summary>
/// An API Gateway usage plan for the endpoint's API routes that require an API key (<see cref="LocalAwsEndpoint.RequireApiKey"/>):
/// each of its keys gets its own token bucket (<see cref="RateLimit"/> refilled per second, up to <see cref="BurstLimit"/>)
/// and quota, on the endpoint's <see cref="TimeProvider"/>. Over the rate: 429 <c>TooManyRequestsException</c> "Too Many
/// Requests"; over the quota: 429 <c>LimitExceededException</c> "Limit Exceeded", as API Gateway answers.
/// </summary>
public sealed class LocalUsagePlan
{
    private const string KeyAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private readonly ConcurrentDictionary<string, UsageMeter> _keys = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    internal LocalUsagePlan(TimeProvider time) => _time = time;

    /// <summary>Gets or sets the steady-state rate, in requests per second per key.</summary>
    /// <value>The default value is 10,000, API Gateway's account-level default.</value>
    public double RateLimit { get; set; } = 10_000;

    /// <summary>Gets or sets the burst: how many requests a key may send at once.</summary>
    /// <value>The default value is 5,000, API Gateway's account-level default.</value>
    public int BurstLimit { get; set; } = 5_000;

    /// <summary>Gets or sets how many requests a key may send per <see cref="QuotaPeriod"/>.</summary>
    /// <value>The default value is <see langword="null"/>: no quota.</value>
    public int? QuotaLimit { get; set; }

    /// <summary>Gets or sets the quota period, counted from a key's first request.</summary>
    /// <value>The default value is 1 day (API Gateway's <c>DAY</c>).</value>
    public TimeSpan QuotaPeriod { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Creates an API key in this plan; send it in the <c>x-api-key</c> header.</summary>
    /// <returns>The key value (40 characters, as API Gateway generates them).</returns>
    public string AddApiKey()
    {
        string value = RandomNumberGenerator.GetString(KeyAlphabet, 40);
        _keys[value] = new UsageMeter(_time);
        return value;
    }

    internal UsageMeter? Find(string apiKey) => _keys.GetValueOrDefault(apiKey);
}
