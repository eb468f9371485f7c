namespace ServiceAuth.Client.Resilience.Internal;

/// <summary>The server's wish for a retry delay: <c>x-amz-retry-after</c> (milliseconds) kept within
/// [computed, computed + 5 s], or <c>Retry-After</c> (seconds or a date) when longer than the computed delay; both capped.</summary>
internal static class RetryAfter
{
    public static readonly TimeSpan AmzSlack = TimeSpan.FromSeconds(5);

    public static TimeSpan Apply(HttpResponseMessage? response, TimeSpan computed, TimeSpan maxDelay, DateTimeOffset now)
    {
        if (response is null)
        {
            return computed;
        }

        if (response.Headers.NonValidated.TryGetValues("x-amz-retry-after", out var amz)
            && long.TryParse(amz.ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long ms))
        {
            TimeSpan wanted = TimeSpan.FromMilliseconds(ms);
            TimeSpan clamped = wanted < computed ? computed : wanted > computed + AmzSlack ? computed + AmzSlack : wanted;
            return clamped > maxDelay ? maxDelay : clamped;
        }

        TimeSpan? retryAfter = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - now,
            _ => null,
        };
        if (retryAfter is { } after && after > computed)
        {
            return after > maxDelay ? maxDelay : after;
        }

        return computed;
    }
}
