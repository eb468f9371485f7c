namespace ServiceAuth.Client.Testing.Internal;

/// <summary>A request exactly as it arrived: the raw request target, every header line, and the body.</summary>
internal sealed class WireRequest
{
    public WireRequest(string method, string rawTarget, IReadOnlyList<KeyValuePair<string, string>> headers, byte[] body)
    {
        Method = method;
        RawTarget = string.IsNullOrEmpty(rawTarget) ? "/" : rawTarget;
        Headers = headers;
        Body = body;
        int q = RawTarget.IndexOf('?', StringComparison.Ordinal);
        RawPath = q < 0 ? RawTarget : RawTarget[..q];
        RawQuery = q < 0 ? string.Empty : RawTarget[(q + 1)..];
    }

    public string Method { get; }

    public string RawTarget { get; }

    public string RawPath { get; }

    public string RawQuery { get; }

    /// <summary>Gets the header lines in arrival order; a repeated line is a separate entry.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    public byte[] Body { get; }

    /// <summary>Returns every value of <paramref name="name"/>, one per header line, in order.</summary>
    public IEnumerable<string> GetAll(string name)
    {
        foreach (KeyValuePair<string, string> header in Headers)
        {
            if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                yield return header.Value;
            }
        }
    }

    /// <summary>Returns the first value of <paramref name="name"/>, or <see langword="null"/>.</summary>
    public string? Get(string name) => GetAll(name).FirstOrDefault();
}
