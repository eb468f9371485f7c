using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace ServiceAuth.Client.Credentials.Internal;

/// <summary>
/// AWSSDK.Core's default credential chain, resolved on first use (not at startup, so that a host without credentials can
/// still start and fail with a clear message on its first signed call). A failed lookup is not kept for the process's
/// life: the chain is tried again at most once every <see cref="RetryInterval"/>, so a source that appears later (a
/// sidecar writing a profile, a web identity token mounted late) is found; between tries the failure is thrown fast. The
/// blocking lookup runs once, on one thread-pool thread; concurrent callers share its task (issue 19 item 20).
/// </summary>
internal sealed class DefaultChainCredentials : AWSCredentials
{
    internal static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(5);

    private const string NotFound =
        "No AWS credentials were found by AWSSDK.Core's default chain (environment variables, shared profile, web identity, container, instance metadata). " +
        "Set SignedHttpClientOptions.Credentials, or configure credentials for the environment.";

    private readonly Func<AWSCredentials> _resolve;
    private readonly TimeProvider _timeProvider;
    private readonly object _gate = new();
    private AWSCredentials? _resolved;
    private Task<AWSCredentials>? _lookup;
    private Exception? _lastFailure;
    private long _failedAt;

    internal DefaultChainCredentials(Func<AWSCredentials> resolve, TimeProvider timeProvider)
    {
        _resolve = resolve;
        _timeProvider = timeProvider;
    }

    public static DefaultChainCredentials Instance { get; } = new(() => DefaultAWSCredentialsIdentityResolver.GetCredentials(), TimeProvider.System);

    public override ImmutableCredentials GetCredentials() =>
        Volatile.Read(ref _resolved) is { } resolved ? resolved.GetCredentials() : LookupAsync().GetAwaiter().GetResult().GetCredentials();

    public override Task<ImmutableCredentials> GetCredentialsAsync() =>
        Volatile.Read(ref _resolved) is { } resolved ? resolved.GetCredentialsAsync() : AfterLookupAsync();

    public override string ToString() => "AWSSDK.Core default credential chain";

    private async Task<ImmutableCredentials> AfterLookupAsync()
    {
        AWSCredentials resolved = await LookupAsync().ConfigureAwait(false);
        return await resolved.GetCredentialsAsync().ConfigureAwait(false);
    }

    /// <summary>The one lookup in flight, shared by every caller: the lock is held only to read or start it, so callers
    /// waiting for a slow chain (instance metadata) wait on a task, not on a blocked thread each.</summary>
    private Task<AWSCredentials> LookupAsync()
    {
        lock (_gate)
        {
            if (_resolved is { } raced)
            {
                return Task.FromResult(raced);
            }

            if (_lookup is { } running)
            {
                return running;
            }

            if (_lastFailure is { } failure && _timeProvider.GetElapsedTime(_failedAt) < RetryInterval)
            {
                return Task.FromException<AWSCredentials>(NotFoundException(failure));
            }

            return _lookup = Task.Run(Lookup);
        }
    }

    private AWSCredentials Lookup()
    {
        try
        {
            AWSCredentials found = _resolve();
            lock (_gate)
            {
                Volatile.Write(ref _resolved, found);
                _lastFailure = null;
                _lookup = null;
            }

            return found;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            lock (_gate)
            {
                _lastFailure = e;
                _failedAt = _timeProvider.GetTimestamp();
                _lookup = null;
            }

            throw NotFoundException(e);
        }
    }

    // The chain's own message says what each source answered (no profile, no metadata endpoint, ...); it holds no secret.
    private static ServiceAuthException NotFoundException(Exception lookup) =>
        new($"{NotFound} What the chain tried: {lookup.Message}", lookup);
}
