namespace ServiceAuth.Client.Protocol.Internal;

/// <summary>What <see cref="RefreshAheadValue{T}.Invalidate{TState}"/> did.</summary>
internal enum InvalidationResult
{
    /// <summary>The cache no longer held the rejected value (already replaced or dropped).</summary>
    NotHeld,

    /// <summary>The value was dropped: the next lookup fetches a fresh one.</summary>
    Invalidated,

    /// <summary>The value is still held: an invalidation ran less than the policy's interval ago.</summary>
    RateLimited,
}
