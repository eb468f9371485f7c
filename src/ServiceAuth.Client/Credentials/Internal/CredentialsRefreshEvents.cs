using Amazon.Runtime;
using Microsoft.Extensions.Logging;
using ServiceAuth.Client.Diagnostics;
using ServiceAuth.Client.Protocol.Internal;

namespace ServiceAuth.Client.Credentials.Internal;

/// <summary>The logs, metrics and exceptions of one assumed role's refresh-ahead cache (role ARNs, STS error codes and
/// request ids; never a key).</summary>
internal sealed class CredentialsRefreshEvents(AssumeRoleParameters parameters, ILogger logger, CredentialsMetrics metrics) : IRefreshAheadEvents<ImmutableCredentials>
{
    public void CacheHit() => metrics.CacheHit();

    public void RefreshStarted(bool background)
    {
        metrics.RefreshStarted(background);
        Log.RefreshStarted(logger, parameters.RoleArn, background ? "background" : "blocking");
    }

    public void Refreshed(Expiring<ImmutableCredentials> fresh, DateTimeOffset refreshAt) =>
        Log.RoleAssumed(logger, parameters.RoleArn, parameters.RoleSessionName, fresh.ExpiresAt, refreshAt);

    public Exception TooShortLived(DateTimeOffset expiresAt, TimeSpan minLifetime) => new CredentialsUnavailableException(
        $"STS returned credentials for '{parameters.RoleArn}' that expire at {expiresAt:O}, within a minute; is the clock right?", parameters.RoleArn, null, null, null);

    public Exception ToError(Exception failure) => failure as CredentialsUnavailableException
        ?? new CredentialsUnavailableException($"Could not assume role '{parameters.RoleArn}': {failure.GetType().Name}.", parameters.RoleArn, null, null, failure);

    public void FailedServingCached(Exception error, DateTimeOffset expiresAt, DateTimeOffset nextAttemptAt) =>
        Log.RefreshFailedServingCached(logger, parameters.RoleArn, (error as CredentialsUnavailableException)?.StsErrorCode ?? "STS not reached", expiresAt, nextAttemptAt);

    public void FailedWithoutValue(Exception error, DateTimeOffset retryAt)
    {
        var failure = error as CredentialsUnavailableException;
        Log.RefreshFailedNoCredentials(logger, parameters.RoleArn, failure?.StsErrorCode ?? "STS not reached", failure?.StsRequestId ?? "none", retryAt);
    }

    public void Invalidated()
    {
        metrics.Invalidated();
        Log.CredentialsInvalidated(logger, parameters.RoleArn);
    }

    public void InvalidationRateLimited(DateTimeOffset nextAllowedAt, TimeSpan interval) =>
        Log.ForcedRefreshRateLimited(logger, parameters.RoleArn, interval.TotalSeconds);
}
