namespace ServiceAuth.Client.IntegrationTests.Resilience;

/// <summary>The system clock's timers, but every reading of the wall clock is one second later than the last, so two
/// signatures of the same request are never computed at the same <c>X-Amz-Date</c>: a re-used signature shows.</summary>
internal sealed class SteppingTimeProvider : TimeProvider
{
    private readonly DateTimeOffset _start = System.GetUtcNow();
    private long _readings;

    public override DateTimeOffset GetUtcNow() => _start.AddSeconds(Interlocked.Increment(ref _readings));
}
