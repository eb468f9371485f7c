namespace ServiceAuth.Client.TestUtilities;

/// <summary>Where the tests' clocks start: <c>new FakeTimeProvider(TestClock.Start)</c>
/// (Microsoft.Extensions.TimeProvider.Testing), so that signing dates and credential expiries are the same in every run.</summary>
public static class TestClock
{
    /// <summary>2026-11-22 12:00:00 UTC.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
}
