namespace ServiceAuth.Client.Tests.Credentials.RefreshAhead;

/// <summary>One user of the refresh-ahead engine, driven the same way by the race, monotonic-time and storm tests: the
/// assume-role credentials cache over a fake STS, or the OAuth token cache over a fake token endpoint. A value is named
/// by its identity (access key id or token value).</summary>
public abstract class RefreshSubject
{
    public static TheoryData<string> Users => new() { CredentialsSubject.Name, TokenSubject.Name };

    public abstract FakeTimeProvider Time { get; }

    public abstract int Calls { get; }

    /// <summary>Sets the lifetime of the values the source gives from now on.</summary>
    public abstract TimeSpan Lifetime { set; }

    /// <summary>Called inside a failed refresh between reading the current value and publishing the next state.</summary>
    public abstract Action? FailingRefreshPaused { set; }

    public abstract Task? PendingRefresh { get; }

    public static RefreshSubject Create(string user, TimeProvider? clock = null) =>
        user == CredentialsSubject.Name ? new CredentialsSubject(clock) : new TokenSubject(clock);

    /// <summary>From now on the source refuses (STS throttling, the token endpoint's 503).</summary>
    public abstract void Fail();

    public abstract void Succeed();

    public abstract Task<string> GetAsync();

    /// <summary>A target rejected <paramref name="identity"/>: whether the cache dropped it.</summary>
    public abstract bool Invalidate(string identity);

    public abstract bool Holds(string identity);
}
