namespace ServiceAuth.Client.Resilience.Internal;

/// <summary>The AWS SDKs' retry quota: a token bucket that each retry draws from and each success refills, so that a
/// failing dependency is not hammered with retries. Lock-free; shared by every handler of one client.</summary>
internal sealed class RetryBudget(int capacity)
{
    private int _tokens = capacity;

    public int Capacity { get; } = capacity;

    public int Available => Volatile.Read(ref _tokens);

    public bool TryAcquire(int cost)
    {
        if (Capacity == 0)
        {
            return true;
        }

        while (true)
        {
            int current = Volatile.Read(ref _tokens);
            if (current < cost)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _tokens, current - cost, current) == current)
            {
                return true;
            }
        }
    }

    /// <summary>Refills after a success: the cost of the retry that succeeded, or 1 when no retry was needed.</summary>
    public void Release(int amount)
    {
        if (Capacity == 0)
        {
            return;
        }

        while (true)
        {
            int current = Volatile.Read(ref _tokens);
            int next = Math.Min(Capacity, current + amount);
            if (current == next || Interlocked.CompareExchange(ref _tokens, next, current) == current)
            {
                return;
            }
        }
    }
}
