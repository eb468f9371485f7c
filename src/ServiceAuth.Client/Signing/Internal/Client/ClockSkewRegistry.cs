using System.Collections.Concurrent;
using ServiceAuth.Client.Signing.Internal;

namespace ServiceAuth.Client.Signing.Internal.Client;

/// <summary>
/// The clock offset of each endpoint (scheme, host and port), recorded after a skew error (server time minus ours) and
/// added to the signing time of later requests to that endpoint. An offset larger than <see cref="MaxOffset"/> is refused,
/// and each expires <see cref="Lifetime"/> after it was learned (measured with timestamps). Empty, it costs one field read.
/// One per container (a DI singleton); a handler built without DI has its own.
/// </summary>
internal sealed class ClockSkewRegistry(TimeProvider? timeProvider = null)
{
    /// <summary>A signature error is treated as clock skew only when the server's clock is further than this from ours.</summary>
    public static readonly TimeSpan PossibleSkewThreshold = TimeSpan.FromMinutes(4);

    /// <summary>The largest offset recorded: a server further off than this is answered as it is.</summary>
    public static readonly TimeSpan MaxOffset = TimeSpan.FromHours(1);

    /// <summary>How long a learned offset is used before it must be learned again.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly TimeProvider _timeProvider = timeProvider ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, (TimeSpan Offset, long LearnedAt)> _offsets = new(StringComparer.OrdinalIgnoreCase);
    private volatile bool _any;

    public TimeSpan Get(Uri uri)
    {
        if (!_any || !_offsets.TryGetValue(Key(uri), out var entry))
        {
            return TimeSpan.Zero;
        }

        return _timeProvider.GetElapsedTime(entry.LearnedAt) < Lifetime ? entry.Offset : TimeSpan.Zero;
    }

    /// <summary>Records <paramref name="offset"/> for the endpoint of <paramref name="uri"/>; <see langword="false"/> when
    /// it is beyond <see cref="MaxOffset"/>.</summary>
    public bool Set(Uri uri, TimeSpan offset)
    {
        if (offset.Duration() > MaxOffset)
        {
            return false;
        }

        _offsets[Key(uri)] = (offset, _timeProvider.GetTimestamp());
        _any = true;
        return true;
    }

    private static string Key(Uri uri) => $"{uri.Scheme}://{uri.IdnHost}:{uri.Port}";
}
