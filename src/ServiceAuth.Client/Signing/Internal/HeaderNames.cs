using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Signing.Internal;

/// <summary>
/// The <see cref="HeaderName"/> of each header name string, remembered per thread by the identity of the string: .NET
/// hands out the same string for a header name every time (the known-header name, or the string it was first added
/// with), so a request's names are found by reference and never lowered or classified twice.
/// </summary>
internal sealed class HeaderNames
{
    /// <summary>How many names each thread remembers: a power of two.</summary>
    private const int Size = 32;

    [ThreadStatic]
    private static HeaderNames? t_current;

    private readonly string?[] _names = new string?[Size];
    private readonly HeaderName?[] _parsed = new HeaderName?[Size];
    private int _next;
    private int _hint;

    public static HeaderNames Current => t_current ??= new HeaderNames();

    /// <summary>Gets or sets this thread's scratch array of header lines (kept here: one thread-static read per
    /// signature). It is cleared after each use.</summary>
    public HeaderItem[] Items { get; set; } = new HeaderItem[16];

    public HeaderName Get(string name)
    {
        // A request's names come in the same order every time: start after the last hit, and the next name is usually
        // the first one compared.
        string?[] names = _names;
        int i = _hint;
        for (int checkedCount = 0; checkedCount < Size; checkedCount++)
        {
            if (ReferenceEquals(names[i], name))
            {
                _hint = (i + 1) & (Size - 1);
                return _parsed[i]!;
            }

            i = (i + 1) & (Size - 1);
        }

        var parsed = new HeaderName(name);
        int slot = _next;
        _next = (slot + 1) & (Size - 1);
        _hint = _next;
        _names[slot] = name;
        _parsed[slot] = parsed;
        return parsed;
    }
}
