namespace ServiceAuth.Client.Tests.Support;

/// <summary>A clock whose wall time can be stepped (NTP, a VM resumed) while its monotonic timestamps and timers keep
/// following <see cref="Fake"/>.</summary>
public sealed class SteppedWallClock : TimeProvider
{
    public FakeTimeProvider Fake { get; } = new();

    public TimeSpan Step { get; set; }

    public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow() + Step;

    public override long GetTimestamp() => Fake.GetTimestamp();

    public override long TimestampFrequency => Fake.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        Fake.CreateTimer(callback, state, dueTime, period);
}
