namespace ServiceAuth.Client.Protocol.Internal;

/// <summary>The randomness behind backoff jitter and credential refresh windows, injected beside the
/// <see cref="TimeProvider"/> so that tests can pin it.</summary>
internal interface IRandomizer
{
    /// <summary>A value in [0, 1).</summary>
    double NextDouble();

    /// <summary>A value in [0, 1): the offset of one cache's refresh point within its policy's
    /// <see cref="RefreshPolicy.RefreshSpread"/> (tests that pin refresh moments return 0 here).</summary>
    double NextRefreshOffset() => NextDouble();
}
