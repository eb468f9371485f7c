using Amazon.Runtime;
using Microsoft.Extensions.Logging;
using ServiceAuth.Client.Diagnostics;
using ServiceAuth.Client.Protocol.Internal;

namespace ServiceAuth.Client.Credentials.Internal;

/// <summary>
/// One cache entry: the temporary credentials of a role, as an <see cref="AWSCredentials"/> any AWS SDK client can use,
/// held by the shared <see cref="RefreshAheadValue{T}"/> with the <see cref="RefreshWindows"/> policy. A warm lookup
/// returns a completed task: no lock, no allocation. From the advisory window one background refresh runs while callers
/// keep the current credentials; callers wait only in the last minute, all on one shared refresh. Valid credentials are
/// served whatever the refresh does (backing off 5–10 minutes); without them the failure is thrown fast for 1–5 seconds.
/// </summary>
internal sealed class AssumedRoleCredentials : AWSCredentials, IInvalidatableCredentials
{
    private static readonly Func<ImmutableCredentials, string, bool> HasAccessKey =
        static (credentials, accessKeyId) => string.Equals(credentials.AccessKey, accessKeyId, StringComparison.Ordinal);

    private readonly RefreshAheadValue<ImmutableCredentials> _value;
    private int _used;

    public AssumedRoleCredentials(AssumeRoleParameters parameters, Func<CancellationToken, Task<AssumeRoleResult>> assume, TimeProvider timeProvider, IRandomizer random, ILogger logger, CredentialsMetrics? metrics = null)
    {
        Parameters = parameters;
        var events = new CredentialsRefreshEvents(parameters, logger, metrics ?? CredentialsMetrics.Shared);
        _value = new RefreshAheadValue<ImmutableCredentials>(RefreshWindows.Policy, async cancellationToken =>
        {
            AssumeRoleResult result = await assume(cancellationToken).ConfigureAwait(false);
            return new Expiring<ImmutableCredentials>(result.Credentials, result.Expiration);
        }, events, timeProvider, random);
    }

    public AssumeRoleParameters Parameters { get; }

    /// <summary>The refresh running now, if any (tests await it).</summary>
    internal Task<ImmutableCredentials>? PendingRefresh => _value.PendingRefresh;

    internal RefreshSnapshot<ImmutableCredentials> Snapshot => _value.Snapshot;

    /// <summary>A test seam: called inside a failed refresh between reading the snapshot and publishing the next one.</summary>
    internal Action? FailingRefreshPaused
    {
        get => _value.FailingRefreshPaused;
        set => _value.FailingRefreshPaused = value;
    }

    /// <summary>When the cache's last sweep saw this entry used (a <see cref="TimeProvider.GetTimestamp"/>).</summary>
    internal long LastSeen { get; private set; }

    public override ImmutableCredentials GetCredentials() => GetCredentialsAsync().GetAwaiter().GetResult();

    /// <summary>Called by the cache's sweep: records a use since the last sweep, and says when the entry was last used.</summary>
    internal long Sweep(long now)
    {
        if (Interlocked.Exchange(ref _used, 0) == 1 || LastSeen == 0)
        {
            LastSeen = now;
        }

        return LastSeen;
    }

    public override Task<ImmutableCredentials> GetCredentialsAsync()
    {
        if (_used == 0)
        {
            // A read before the write keeps the warm path from dirtying the cache line on every lookup.
            Volatile.Write(ref _used, 1);
        }

        return _value.GetAsync();
    }

    /// <summary>Drops the cached credentials if they still hold <paramref name="accessKeyId"/>, at most once every 15
    /// seconds: a target that rejects every request (its own AWS error passed on, or a hostile endpoint) cannot turn each
    /// request into an STS call.</summary>
    public bool Invalidate(string accessKeyId) => _value.Invalidate(HasAccessKey, accessKeyId) == InvalidationResult.Invalidated;

    public bool Holds(string accessKeyId) => _value.Snapshot.Value is { } credentials && HasAccessKey(credentials, accessKeyId);

    public override string ToString() => $"Assumed role {Parameters.RoleArn} (session {Parameters.RoleSessionName})";
}
