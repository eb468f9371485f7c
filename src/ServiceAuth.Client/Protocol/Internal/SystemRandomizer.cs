namespace ServiceAuth.Client.Protocol.Internal;

/// <summary>An <see cref="IRandomizer"/> over a <see cref="Random"/>; <see cref="Shared"/> is the thread-safe default
/// and the only place the library reads <c>Random.Shared</c>.</summary>
internal sealed class SystemRandomizer(Random random) : IRandomizer
{
#pragma warning disable RS0030 // The one sanctioned use: everything else takes an IRandomizer.
    public static SystemRandomizer Shared { get; } = new(Random.Shared);
#pragma warning restore RS0030

    public double NextDouble() => random.NextDouble();
}
