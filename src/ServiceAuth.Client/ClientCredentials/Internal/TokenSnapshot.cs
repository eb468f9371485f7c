namespace ServiceAuth.Client.ClientCredentials.Internal;

/// <summary>
/// An immutable view of one token cache entry, swapped as a whole: the token, when to refresh ahead, when callers must
/// wait, when the next refresh may be tried after failures (and how many failed in a row), and the failure to throw fast
/// when no token is valid.
/// </summary>
internal sealed class TokenSnapshot
{
    public static readonly TokenSnapshot Empty = new(null, DateTimeOffset.MinValue, DateTimeOffset.MinValue, DateTimeOffset.MinValue, 0, null);

    private TokenSnapshot(AccessToken? token, DateTimeOffset refreshAt, DateTimeOffset mandatoryAt, DateTimeOffset nextAttemptAt, int failures, TokenUnavailableException? error)
    {
        Token = token;
        RefreshAt = refreshAt;
        MandatoryAt = mandatoryAt;
        NextAttemptAt = nextAttemptAt;
        Failures = failures;
        Error = error;
    }

    public AccessToken? Token { get; }

    /// <summary>From here one background refresh runs while callers keep the token.</summary>
    public DateTimeOffset RefreshAt { get; }

    /// <summary>From here callers wait for a fresh token.</summary>
    public DateTimeOffset MandatoryAt { get; }

    /// <summary>No refresh starts before this time (backoff, or the error cache when <see cref="Error"/> is set).</summary>
    public DateTimeOffset NextAttemptAt { get; }

    public int Failures { get; }

    public TokenUnavailableException? Error { get; }

    public static TokenSnapshot Fresh(AccessToken token, DateTimeOffset now)
    {
        TimeSpan lifetime = token.ExpiresAt - now;
        return new(token, token.ExpiresAt - TokenRefreshPolicy.Advisory(lifetime), token.ExpiresAt - TokenRefreshPolicy.Mandatory(lifetime), DateTimeOffset.MinValue, 0, null);
    }

    public bool IsUsable(DateTimeOffset now) => Token is not null && now < MandatoryAt;

    public TokenSnapshot WithBackoff(DateTimeOffset nextAttemptAt) => new(Token, RefreshAt, MandatoryAt, nextAttemptAt, Failures + 1, null);

    public TokenSnapshot WithError(TokenUnavailableException error, DateTimeOffset until) => new(null, RefreshAt, MandatoryAt, until, Failures + 1, error);
}
