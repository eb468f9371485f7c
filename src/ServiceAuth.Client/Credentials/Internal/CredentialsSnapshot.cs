using Amazon.Runtime;

namespace ServiceAuth.Client.Credentials.Internal;

/// <summary>
/// An immutable view of one cache entry, swapped as a whole: the credentials, their completed task (handed to every
/// caller on a warm cache, so a hit allocates nothing), when to refresh ahead, when callers must wait, when the next
/// refresh may be tried after a failure, and the failure to throw fast when there is nothing valid to serve.
/// </summary>
internal sealed class CredentialsSnapshot
{
    public static readonly CredentialsSnapshot Empty = new(null, DateTimeOffset.MinValue, DateTimeOffset.MinValue, DateTimeOffset.MinValue, DateTimeOffset.MinValue, null, DateTimeOffset.MinValue);

    private CredentialsSnapshot(
        ImmutableCredentials? credentials,
        DateTimeOffset expiration,
        DateTimeOffset refreshAt,
        DateTimeOffset mandatoryAt,
        DateTimeOffset nextAttemptAt,
        CredentialsUnavailableException? error,
        DateTimeOffset errorUntil)
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

    /// <summary>No refresh is started before this time (backoff after a failed refresh).</summary>
    public DateTimeOffset NextAttemptAt { get; }

    public CredentialsUnavailableException? Error { get; }

    public DateTimeOffset ErrorUntil { get; }

    public static CredentialsSnapshot Fresh(ImmutableCredentials credentials, DateTimeOffset expiration, DateTimeOffset now) =>
        new(credentials, expiration, RefreshWindows.RefreshAt(now, expiration), expiration - RefreshWindows.Mandatory, DateTimeOffset.MinValue, null, DateTimeOffset.MinValue);

    public bool IsUsable(DateTimeOffset now) => Credentials is not null && now < MandatoryAt;

    public CredentialsSnapshot WithBackoff(DateTimeOffset nextAttemptAt) =>
        new(Credentials, Expiration, RefreshAt, MandatoryAt, nextAttemptAt, null, DateTimeOffset.MinValue);

    public CredentialsSnapshot WithError(CredentialsUnavailableException error, DateTimeOffset until) =>
        new(Credentials, Expiration, RefreshAt, MandatoryAt, until, error, until);
}
