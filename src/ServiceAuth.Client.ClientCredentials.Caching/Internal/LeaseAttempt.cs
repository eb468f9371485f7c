namespace ServiceAuth.Client.Caching.Internal;

/// <summary>The outcome of <see cref="ISharedTokenLease.TryAcquireAsync"/>: <see cref="Fence"/> is the fencing token when
/// this process took the lease (greater than every earlier one for the key), 0 when another holds it; then
/// <see cref="Released"/> completes on its release. Disposing stops the watch.</summary>
internal sealed class LeaseAttempt(long fence, Task released, Func<Task> stopWatching) : IAsyncDisposable
{
    public long Fence { get; } = fence;

    public bool Acquired => Fence > 0;

    public Task Released { get; } = released;

    public async ValueTask DisposeAsync()
    {
        try
        {
            await stopWatching().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The watch ends with the connection anyway.
        }
    }
}
