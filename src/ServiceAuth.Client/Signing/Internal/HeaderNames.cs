namespace ServiceAuth.Client.Signing.Internal;

/// <summary>
/// Lowercased header names and whether they are signed, remembered per thread by the identity of the name string:
/// .NET hands out the same string for a header name every time (the known-header name, or the string it was first
/// added with), so a request's names are found by reference and never lowered or looked up twice.
/// </summary>
internal sealed class HeaderNames
{
    private const int Size = 32;

    [ThreadStatic]
    private static HeaderNames? t_current;

    private readonly string?[] _names = new string?[Size];
    private readonly byte[]?[] _lowercase = new byte[]?[Size];
    private int _next;
    private int _hint;

    public static HeaderNames Current => t_current ??= new HeaderNames();

    /// <summary>Gets the lowercase ASCII bytes of <paramref name="name"/>, or <see langword="null"/> when it is never signed.</summary>
    public byte[]? Lowercase(string name)
    {
        // A request's names come in the same order every time: start after the last hit, and the next name is usually
        // the first one compared.
        string?[] names = _names;
        int i = _hint;
        for (int checkedCount = 0; checkedCount < Size; checkedCount++)
        {
            if (ReferenceEquals(names[i], name))
            {
                _hint = (i + 1) % Size;
                return _lowercase[i];
            }

            i = (i + 1) % Size;
        }

        byte[]? lowercase = UnsignedHeaders.Contains(name) ? null : Lower(name);
        int slot = _next;
        _next = (slot + 1) % Size;
        _hint = _next;
        _names[slot] = name;
        _lowercase[slot] = lowercase;
        return lowercase;
    }

    private static byte[] Lower(string name)
    {
        byte[] bytes = new byte[name.Length];
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            bytes[i] = (byte)((uint)(c - 'A') <= 'Z' - 'A' ? c | 0x20 : c);
        }

        return bytes;
    }
}
