using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Signing.Internal;

/// <summary>Thrown inside buffering when a body passes the limit; surfaced to callers as a <see cref="SigningException"/>.</summary>
internal sealed class PayloadTooLargeException(long limit) : IOException($"The body is larger than {limit} bytes.")
{
    public long Limit { get; } = limit;
}
