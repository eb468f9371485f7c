using System.Buffers.Binary;
using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Signing.Internal;

/// <summary>A header name as signing needs it: lowercase ASCII, a sort key, and what header signing does with it.
/// Immutable, so the instances of the names the signer sets itself are shared by every thread.</summary>
internal sealed class HeaderName
{
    public HeaderName(string name)
    {
        byte[] lowercase = new byte[name.Length];
        for (int i = 0; i < name.Length; i++)
        {
            // Header names are ASCII tokens (HttpHeaders validates names even without value validation).
            char c = name[i];
            lowercase[i] = (byte)((uint)(c - 'A') <= 'Z' - 'A' ? c | 0x20 : c);
        }

        Lowercase = lowercase;
        Span<byte> first = stackalloc byte[8];
        first.Clear();
        lowercase.AsSpan(0, Math.Min(8, lowercase.Length)).CopyTo(first);
        SortKey = BinaryPrimitives.ReadUInt64BigEndian(first);
        Kind = KindOf(name);
    }

    public static HeaderName AmzDate { get; } = new(SigV4Constants.AmzDate);

    public static HeaderName SecurityToken { get; } = new(SigV4Constants.AmzSecurityToken);

    public static HeaderName RegionSet { get; } = new(SigV4Constants.AmzRegionSet);

    public static HeaderName ContentSha256 { get; } = new(SigV4Constants.AmzContentSha256);

    public static HeaderName Host { get; } = new("host");

    /// <summary>Gets the name, lowercase ASCII.</summary>
    public byte[] Lowercase { get; }

    /// <summary>Gets the first 8 bytes of <see cref="Lowercase"/>, big-endian and zero-padded: ordering the keys orders
    /// the names unless they are equal.</summary>
    public ulong SortKey { get; }

    public HeaderKind Kind { get; }

    /// <summary>Orders lowercase names byte by byte, as SigV4 sorts them.</summary>
    public static int Compare(HeaderName a, HeaderName b) =>
        a.SortKey != b.SortKey ? (a.SortKey < b.SortKey ? -1 : 1) : a.Lowercase.AsSpan().SequenceCompareTo(b.Lowercase);

    public static bool SameName(HeaderName a, HeaderName b) =>
        ReferenceEquals(a, b) || (a.SortKey == b.SortKey && a.Lowercase.AsSpan().SequenceEqual(b.Lowercase));

    private static HeaderKind KindOf(string name) =>
        Is(name, SigV4Constants.Authorization) ? HeaderKind.Authorization
        : UnsignedHeaders.Contains(name) ? HeaderKind.Unsigned
        : Is(name, SigV4Constants.AmzDate) ? HeaderKind.AmzDate
        : Is(name, SigV4Constants.AmzSecurityToken) ? HeaderKind.SecurityToken
        : Is(name, SigV4Constants.AmzRegionSet) ? HeaderKind.RegionSet
        : Is(name, SigV4Constants.AmzContentSha256) ? HeaderKind.ContentSha256
        : Is(name, "Host") ? HeaderKind.Host
        : HeaderKind.Signed;

    private static bool Is(string name, string known) => string.Equals(name, known, StringComparison.OrdinalIgnoreCase);
}
