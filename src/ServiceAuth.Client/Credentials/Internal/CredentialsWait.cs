using Amazon.Runtime;

namespace ServiceAuth.Client.Credentials.Internal;

/// <summary>
/// Waits for credentials on behalf of one caller: the caller's cancellation ends its own wait at once, while the shared
/// refresh (which no caller's token reaches) goes on for everyone else.
/// </summary>
internal static class CredentialsWait
{
    public static Task<ImmutableCredentials> GetAsync(AWSCredentials credentials, CancellationToken cancellationToken)
    {
        Task<ImmutableCredentials> pending = credentials.GetCredentialsAsync();
        return pending.IsCompleted || !cancellationToken.CanBeCanceled ? pending : pending.WaitAsync(cancellationToken);
    }

    /// <summary>The synchronous path: our own caches hand out a shared task, waited on with the caller's token (the
    /// refresh runs on its own task, never on the blocked caller's thread); other credentials are asked synchronously.</summary>
    public static ImmutableCredentials Get(AWSCredentials credentials, CancellationToken cancellationToken)
    {
        if (credentials is not (AssumedRoleCredentials or DefaultChainCredentials))
        {
            return credentials.GetCredentials();
        }

        Task<ImmutableCredentials> pending = credentials.GetCredentialsAsync();
        if (!pending.IsCompleted)
        {
            try
            {
                pending.Wait(cancellationToken);
            }
            catch (AggregateException)
            {
                // The task's own exception is rethrown unwrapped below.
            }
        }

        return pending.GetAwaiter().GetResult();
    }
}
