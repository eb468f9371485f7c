using System.Net.Http.Headers;

namespace ServiceAuth.Client.Signing.Internal;

/// <summary>One header to sign: its name as .NET stores it, and its values as they go on the wire.</summary>
internal readonly struct HeaderItem(byte[] name, HeaderStringValues values, string? literal)
{
    /// <summary>Gets the name, lowercase ASCII.</summary>
    public byte[] Name { get; } = name;

    public HeaderStringValues Values { get; } = values;

    /// <summary>Gets a value that is not in a header collection (the host taken from the request URI).</summary>
    public string? Literal { get; } = literal;
}
