using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Signing.Internal;

/// <summary>One header line to sign: its name, and its value as it goes on the wire (<see langword="null"/>: the host
/// of the request URI), or already as canonical bytes (trimmed, narrowed) when the signer has them.</summary>
internal readonly struct HeaderItem(HeaderName name, string? value, byte[]? canonicalValue = null)
{
    public HeaderName Name { get; } = name;

    public string? Value { get; } = value;

    public byte[]? CanonicalValue { get; } = canonicalValue;
}
