using ServiceAuth.Client.Tests.Support;

namespace ServiceAuth.Client.Tests.Sns.Support;

/// <summary>A <see cref="FakeTimeProvider"/> that reports every timer it creates, so a test advances time only once the
/// code under test is waiting.</summary>
public sealed class SignalingTimeProvider : TimeProvider
{
    private readonly List<TimeSpan> _dueTimes = [];

    public FakeTimeProvider Fake { get; } = new(TestClock.Start);

    public SemaphoreSlim TimerCreated { get; } = new(0);

    public IReadOnlyList<TimeSpan> DueTimes
    {
        get
        {
            lock (_dueTimes)
            {
                return [.. _dueTimes];
            }
        }
    }

    public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();

    public override long GetTimestamp() => Fake.GetTimestamp();

    public override long TimestampFrequency => Fake.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ITimer timer = Fake.CreateTimer(callback, state, dueTime, period);
        lock (_dueTimes)
        {
            _dueTimes.Add(dueTime);
        }

        TimerCreated.Release();
        return timer;
    }

    /// <summary>Waits until the code under test sleeps, then moves time past any backoff.</summary>
    public async Task AdvancePastNextDelayAsync()
    {
        (await TimerCreated.WaitAsync(TimeSpan.FromSeconds(30))).ShouldBeTrue("the publisher never waited for a backoff");
        Fake.Advance(TimeSpan.FromMinutes(1));
    }
}
