namespace ServiceAuth.Client.Caching.Internal;

/// <summary>
/// The bounds of fleet single flight (docs/oauth.md, "Fleet single flight"): a lease lives 5 seconds (a holder that dies
/// blocks the fleet no longer); a waiter re-reads the shared value and retries the lease every 500 milliseconds, or at once
/// when the holder releases; after 10 seconds without a shared token, or when a lease operation fails or takes more than
/// 1 second (Redis slow or down), a process asks the identity provider itself.
/// </summary>
internal static class FleetLeasePolicy
{
    public static readonly TimeSpan LeaseTime = TimeSpan.FromSeconds(5);

    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan OperationTimeout = TimeSpan.FromSeconds(1);
}
