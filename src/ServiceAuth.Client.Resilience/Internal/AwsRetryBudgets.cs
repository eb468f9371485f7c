using System.Collections.Concurrent;

namespace ServiceAuth.Client.Resilience.Internal;

/// <summary>One retry budget per client name, kept for the container's life so that handler rotation does not refill it.</summary>
internal sealed class AwsRetryBudgets
{
    private readonly ConcurrentDictionary<string, RetryBudget> _budgets = new(StringComparer.Ordinal);

    public RetryBudget For(string clientName, int capacity) => _budgets.GetOrAdd(clientName, static (_, c) => new RetryBudget(c), capacity);
}
