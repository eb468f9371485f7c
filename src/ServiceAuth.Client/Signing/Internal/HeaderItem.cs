namespace ServiceAuth.Client.Signing.Internal;

/// <summary>One header line to sign: its name, and its value as it goes on the wire (<see langword="null"/>: the host
/// of the request URI).</summary>
internal readonly struct HeaderItem(HeaderName name, string? value)
{
    public HeaderName Name { get; } = name;

    public string? Value { get; } = value;
}
