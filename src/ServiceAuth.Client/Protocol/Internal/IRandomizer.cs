namespace ServiceAuth.Client.Protocol.Internal;

/// <summary>The randomness behind backoff jitter and credential refresh windows, injected beside the
/// <see cref="TimeProvider"/> so that tests can pin it.</summary>
internal interface IRandomizer
{
    /// <summary>A value in [0, 1).</summary>
    double NextDouble();
}
