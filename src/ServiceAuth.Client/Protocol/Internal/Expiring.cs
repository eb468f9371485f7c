using System.Globalization;

namespace ServiceAuth.Client.Protocol.Internal;

/// <summary>A value a source gave and when it expires (wall time, as the source says it).</summary>
internal readonly record struct Expiring<T>(T Value, DateTimeOffset ExpiresAt)
    where T : class
{
    // The generated ToString would print the value (credentials, a token): only the expiry.
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Expiring {{ ExpiresAt = {ExpiresAt:O} }}");
}
