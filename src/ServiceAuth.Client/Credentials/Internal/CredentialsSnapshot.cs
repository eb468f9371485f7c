using Amazon.Runtime;

namespace ServiceAuth.Client.Credentials.Internal;

/// <summary>
/// An immutable view of one cache entry, swapped as a whole: the credentials, their completed task (handed to every
/// caller on a warm cache, so a hit allocates nothing), when to refresh ahead, when callers must wait, when the next
/// refresh may be tried after a failure, and the failure to throw fast when there is nothing valid to serve.
/// </summary>
internal sealed class CredentialsSnapshot
{
    public static readonly CredentialsSnapshot Empty = new(null, DateTimeOffset.MinValue, DateTimeOffset.MinValue, DateTimeOffset.MinValue, long.MinValue, null, long.MinValue);

    private CredentialsSnapshot(
        ImmutableCredentials? credentials,
        DateTimeOffset expiration,
        DateTimeOffset refreshAt,
        DateTimeOffset mandatoryAt,
        long nextAttemptAt,
        CredentialsUnavailableException? error,
        long errorUntil)
    {
        Credentials = credentials;
        Task = credentials is null ? null : System.Threading.Tasks.Task.FromResult(credentials);
        Expiration = expiration;
        RefreshAt = refreshAt;
        MandatoryAt = mandatoryAt;
        NextAttemptAt = nextAttemptAt;
        Error = error;
        ErrorUntil = errorUntil;
    }

    public ImmutableCredentials? Credentials { get; }

    public Task<ImmutableCredentials>? Task { get; }

    public DateTimeOffset Expiration { get; }

    /// <summary>The start of the advisory window: from here one background refresh runs.</summary>
    public DateTimeOffset RefreshAt { get; }

    /// <summary>The start of the mandatory window (expiry − 1 minute): from here callers wait for fresh credentials.</summary>
    public DateTimeOffset MandatoryAt { get; }

    /// <summary>No refresh is started before this <see cref="TimeProvider.GetTimestamp"/> (backoff after a failed
    /// refresh): a duration, so a wall clock stepped back does not stretch it.</summary>
    public long NextAttemptAt { get; }

    public CredentialsUnavailableException? Error { get; }

    /// <summary>The failure is thrown fast until this <see cref="TimeProvider.GetTimestamp"/>.</summary>
    public long ErrorUntil { get; }

    public static CredentialsSnapshot Fresh(ImmutableCredentials credentials, DateTimeOffset expiration, DateTimeOffset now) =>
        new(credentials, expiration, RefreshWindows.RefreshAt(now, expiration), expiration - RefreshWindows.Mandatory, long.MinValue, null, long.MinValue);

    public bool IsUsable(DateTimeOffset now) => Credentials is not null && now < MandatoryAt;

    public CredentialsSnapshot WithBackoff(long nextAttemptAt) =>
        new(Credentials, Expiration, RefreshAt, MandatoryAt, nextAttemptAt, null, long.MinValue);

    public CredentialsSnapshot WithError(CredentialsUnavailableException error, long until) =>
        new(Credentials, Expiration, RefreshAt, MandatoryAt, until, error, until);
}
