using System.Collections.Concurrent;

namespace ServiceAuth.Client.Signing.Internal;

/// <summary>
/// The clock offset of each endpoint host, recorded after a skew error (server time minus ours) and added to the signing
/// time of every later request to that host. Empty, it costs one field read. One per container (a DI singleton); a
/// handler built without DI has its own.
/// </summary>
internal sealed class ClockSkewRegistry
{
    /// <summary>A signature error is treated as clock skew only when the server's clock is further than this from ours.</summary>
    public static readonly TimeSpan PossibleSkewThreshold = TimeSpan.FromMinutes(4);

    private readonly ConcurrentDictionary<string, TimeSpan> _offsets = new(StringComparer.OrdinalIgnoreCase);
    private volatile bool _any;

    public TimeSpan Get(Uri uri) => _any && _offsets.TryGetValue(uri.Host, out TimeSpan offset) ? offset : TimeSpan.Zero;

    public void Set(Uri uri, TimeSpan offset)
    {
        _offsets[uri.Host] = offset;
        _any = true;
    }
}
