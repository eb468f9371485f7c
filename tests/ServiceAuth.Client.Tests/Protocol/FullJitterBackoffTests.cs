using ServiceAuth.Client.Protocol.Internal;

namespace ServiceAuth.Client.Tests.Protocol;

public sealed class FullJitterBackoffTests
{
    [Fact]
    public void FullJitter_StaysUnderTheExponentialCeilingAndTheCap()
    {
        var backoff = new FullJitterBackoff(new FakeTimeProvider(TestClock.Start), new SystemRandomizer(new Random(7)));
        TimeSpan baseDelay = TimeSpan.FromSeconds(1);
        TimeSpan cap = TimeSpan.FromSeconds(20);

        for (int attempt = 0; attempt < 10; attempt++)
        {
            TimeSpan[] delays = Enumerable.Range(0, 200).Select(_ => backoff.Delay(attempt, baseDelay, cap)).ToArray();
            TimeSpan ceiling = FullJitterBackoff.Ceiling(attempt, baseDelay, cap);

            delays.ShouldAllBe(d => d >= TimeSpan.Zero && d <= ceiling);
            delays.Max().ShouldBeGreaterThan(ceiling * 0.8);
            delays.Min().ShouldBeLessThan(ceiling * 0.2);
        }

        FullJitterBackoff.Ceiling(9, baseDelay, cap).ShouldBe(cap);
        FullJitterBackoff.Ceiling(2, baseDelay, cap).ShouldBe(TimeSpan.FromSeconds(4));
    }
}
