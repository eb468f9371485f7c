using ServiceAuth.Client.Protocol.Internal;

namespace ServiceAuth.Client.Tests.Support;

/// <summary>A randomizer that pins refresh points to the start of the advisory window (no fleet spread) and draws
/// everything else (backoff, error cache) from <paramref name="inner"/>: for tests that assert exact refresh moments.</summary>
internal sealed class NoRefreshJitter(IRandomizer inner) : IRandomizer
{
    public double NextDouble() => inner.NextDouble();

    public double NextRefreshOffset() => 0;
}
