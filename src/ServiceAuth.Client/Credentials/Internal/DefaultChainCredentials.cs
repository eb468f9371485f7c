using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace ServiceAuth.Client.Credentials.Internal;

/// <summary>
/// AWSSDK.Core's default credential chain, resolved on first use (not at startup, so that a host without credentials can
/// still start and fail with a clear message on its first signed call). A failed lookup is not kept for the process's
/// life: the chain is tried again at most once every <see cref="RetryInterval"/>, so a source that appears later (a
/// sidecar writing a profile, a web identity token mounted late) is found; between tries the failure is thrown fast.
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
    private Exception? _lastFailure;
    private long _failedAt;

    internal DefaultChainCredentials(Func<AWSCredentials> resolve, TimeProvider timeProvider)
    {
        _resolve = resolve;
        _timeProvider = timeProvider;
    }

    public static DefaultChainCredentials Instance { get; } = new(() => DefaultAWSCredentialsIdentityResolver.GetCredentials(), TimeProvider.System);

    public override ImmutableCredentials GetCredentials() => Resolved().GetCredentials();

    public override Task<ImmutableCredentials> GetCredentialsAsync()
    {
        try
        {
            return Resolved().GetCredentialsAsync();
        }
        catch (ServiceAuthException e)
        {
            return Task.FromException<ImmutableCredentials>(e);
        }
    }

    public override string ToString() => "AWSSDK.Core default credential chain";

    private AWSCredentials Resolved()
    {
        if (Volatile.Read(ref _resolved) is { } resolved)
        {
            return resolved;
        }

        lock (_gate)
        {
            if (_resolved is { } raced)
            {
                return raced;
            }

            if (_lastFailure is { } failure && _timeProvider.GetElapsedTime(_failedAt) < RetryInterval)
            {
                throw NotFoundException(failure);
            }

            try
            {
                AWSCredentials found = _resolve();
                Volatile.Write(ref _resolved, found);
                _lastFailure = null;
                return found;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                _lastFailure = e;
                _failedAt = _timeProvider.GetTimestamp();
                throw NotFoundException(e);
            }
        }
    }

    // The chain's own message says what each source answered (no profile, no metadata endpoint, ...); it holds no secret.
    private static ServiceAuthException NotFoundException(Exception lookup) =>
        new($"{NotFound} What the chain tried: {lookup.Message}", lookup);
}
