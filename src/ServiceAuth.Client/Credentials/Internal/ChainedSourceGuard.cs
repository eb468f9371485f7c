using Amazon.Runtime;
using ServiceAuth.Client.Protocol.Internal;

namespace ServiceAuth.Client.Credentials.Internal;

/// <summary>Role chaining: when STS rejects the source credentials (<c>ExpiredToken</c>, <c>InvalidClientTokenId</c>, …)
/// and the source is itself a cache entry, that entry is invalidated too, so the next attempt starts from fresh source
/// credentials instead of failing until the source would have refreshed on its own.</summary>
internal static class ChainedSourceGuard
{
    public static async Task<AssumeRoleResult> AssumeAsync(
        AWSCredentials source, IInvalidatableCredentials chained, Func<CancellationToken, Task<AssumeRoleResult>> assume, CancellationToken cancellationToken)
    {
        ImmutableCredentials used = await source.GetCredentialsAsync().ConfigureAwait(false);
        try
        {
            return await assume(cancellationToken).ConfigureAwait(false);
        }
        catch (CredentialsUnavailableException e) when (AwsErrorClassifier.Classify(0, e.StsErrorCode) == AwsErrorKind.RejectedCredentials)
        {
            chained.Invalidate(used.AccessKey);
            throw;
        }
    }
}
