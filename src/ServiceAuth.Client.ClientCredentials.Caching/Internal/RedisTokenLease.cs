using StackExchange.Redis;

namespace ServiceAuth.Client.Caching.Internal;

/// <summary>
/// The <see cref="ISharedTokenLease"/> of a Redis fleet: one script does <c>INCR</c> of the key's fence counter and
/// <c>SET lease fence NX PX ttl</c>, so the lease is set-if-absent with an expiry, and its value is a fencing token greater
/// than any earlier one. Release deletes the lease only if it still holds this fence, then publishes on the lease's
/// channel, which waiters subscribed to before trying the set. Keys share a hash tag, so the script runs on a cluster.
/// </summary>
internal sealed class RedisTokenLease(IConnectionMultiplexer redis) : ISharedTokenLease
{
    private const string Acquire =
        "local f = redis.call('INCR', KEYS[2]) if redis.call('SET', KEYS[1], f, 'NX', 'PX', ARGV[1]) then return f end return 0";

    private const string Release =
        "if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end return redis.call('PUBLISH', KEYS[1], ARGV[1])";

    public async Task<LeaseAttempt> TryAcquireAsync(string key, TimeSpan ttl)
    {
        ISubscriber subscriber = redis.GetSubscriber();
        RedisChannel channel = RedisChannel.Literal(LeaseKey(key));
        ChannelMessageQueue queue = await subscriber.SubscribeAsync(channel).ConfigureAwait(false);
        try
        {
            RedisResult result = await redis.GetDatabase().ScriptEvaluateAsync(
                Acquire, [LeaseKey(key), "{" + key + "}:fence"], [(long)ttl.TotalMilliseconds]).ConfigureAwait(false);
            long fence = (long)result;
            return new LeaseAttempt(fence, fence > 0 ? Task.CompletedTask : queue.ReadAsync().AsTask(), () => queue.UnsubscribeAsync());
        }
        catch
        {
            await queue.UnsubscribeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public Task ReleaseAsync(string key, long fence) =>
        redis.GetDatabase().ScriptEvaluateAsync(Release, [LeaseKey(key)], [fence]);

    private static string LeaseKey(string key) => "{" + key + "}:lease";
}
