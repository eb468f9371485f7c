using Microsoft.Extensions.Logging;
using ServiceAuth.Client.Diagnostics;
using ServiceAuth.Client.Protocol.Internal;

namespace ServiceAuth.Client.ClientCredentials.Internal;

/// <summary>The logs, metrics and exceptions of one token cache entry (client id and endpoint; never the secret or the
/// token).</summary>
internal sealed class TokenRefreshEvents(string description, ILogger logger, TokenMetrics metrics) : IRefreshAheadEvents<AccessToken>
{
    public void CacheHit()
    {
    }

    public void RefreshStarted(bool background) => Log.TokenRefreshStarted(logger, description, background ? "background" : "blocking");

    public void Refreshed(Expiring<AccessToken> fresh, DateTimeOffset refreshAt) => Log.TokenObtained(logger, description, fresh.ExpiresAt, refreshAt);

    public Exception TooShortLived(DateTimeOffset expiresAt, TimeSpan minLifetime) => new TokenUnavailableException(
        $"The token endpoint gave {description} a token that expires at {expiresAt:O}, within {minLifetime.TotalSeconds} seconds; check the app client's access token validity and this machine's clock.", null, null, null);

    public Exception ToError(Exception failure) => failure as TokenUnavailableException
        ?? new TokenUnavailableException($"Could not obtain an access token for {description}: {failure.GetType().Name}.", null, null, failure);

    public void FailedServingCached(Exception error, DateTimeOffset expiresAt, DateTimeOffset nextAttemptAt) =>
        Log.TokenRefreshFailedServingCached(logger, description, (error as TokenUnavailableException)?.Error, expiresAt, nextAttemptAt);

    public void FailedWithoutValue(Exception error, DateTimeOffset retryAt)
    {
        var failure = error as TokenUnavailableException;
        Log.TokenRefreshFailedNoToken(logger, description, failure?.Error, failure?.StatusCode, retryAt);
    }

    public void Invalidated()
    {
        metrics.Invalidated();
        Log.TokenInvalidated(logger, description);
    }

    public void InvalidationRateLimited(DateTimeOffset nextAllowedAt, TimeSpan interval) => Log.TokenInvalidationRateLimited(logger, description, nextAllowedAt);
}
