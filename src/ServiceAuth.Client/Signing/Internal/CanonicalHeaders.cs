using System.Buffers;
using System.Net.Http.Headers;

namespace ServiceAuth.Client.Signing.Internal;

/// <summary>
/// The canonical headers and the signed-headers list: request and content headers as .NET writes them on the wire
/// (several values of one header joined with <c>", "</c>), names lowercased and sorted, values trimmed with inner runs of
/// spaces collapsed, <c>host</c> taken from the URI when it is not set, and <see cref="UnsignedHeaders"/> left out.
/// </summary>
internal static class CanonicalHeaders
{
    // A marker compared by reference: the host comes from the request URI.
    private static readonly string HostFromUri = new('h', 1);

    private static readonly byte[] HostName = "host"u8.ToArray();

    [ThreadStatic]
    private static HeaderItem[]? t_items;

    /// <summary>Writes <c>name:value\n</c> lines and returns the signed-headers list as a range of the builder.</summary>
    public static Range Append(ref ByteBuilder builder, HttpRequestMessage request, Uri uri)
    {
        // A per-thread scratch array: no pool round trip, and it is cleared before it is left.
        HeaderItem[] items = t_items ??= new HeaderItem[16];
        HeaderNames names = HeaderNames.Current;
        int count = 0;
        bool hasHost = false;
        try
        {
            foreach (KeyValuePair<string, HeaderStringValues> header in request.Headers.NonValidated)
            {
                hasHost |= header.Key.Length == 4 && header.Key.Equals("Host", StringComparison.OrdinalIgnoreCase);
                Collect(ref items, ref count, names.Lowercase(header.Key), header.Value);
            }

            if (request.Content is { } content)
            {
                foreach (KeyValuePair<string, HeaderStringValues> header in content.Headers.NonValidated)
                {
                    Collect(ref items, ref count, names.Lowercase(header.Key), header.Value);
                }
            }

            if (!hasHost)
            {
                Add(ref items, ref count, new HeaderItem(HostName, default, HostFromUri));
            }

            Span<HeaderItem> sorted = items.AsSpan(0, count);
            Sort(sorted);
            for (int i = 0; i < sorted.Length; i++)
            {
                if (i > 0 && SameName(sorted[i].Name, sorted[i - 1].Name))
                {
                    // The same name in request and content headers arrives as two lines, which AWS joins with ','.
                    builder.Truncate(builder.Length - 1);
                    builder.Append((byte)',');
                }
                else
                {
                    builder.Append(sorted[i].Name);
                    builder.Append((byte)':');
                }

                if (ReferenceEquals(sorted[i].Literal, HostFromUri))
                {
                    AppendHost(ref builder, uri);
                }
                else
                {
                    HeaderValue.AppendTrimmed(ref builder, sorted[i].Literal ?? HeaderValue.ToWireString(sorted[i].Values));
                }

                builder.Append((byte)'\n');
            }

            builder.Append((byte)'\n');
            int start = builder.Length;
            for (int i = 0; i < sorted.Length; i++)
            {
                if (i > 0 && SameName(sorted[i].Name, sorted[i - 1].Name))
                {
                    continue;
                }

                if (builder.Length > start)
                {
                    builder.Append((byte)';');
                }

                builder.Append(sorted[i].Name);
            }

            return new Range(start, builder.Length);
        }
        finally
        {
            items.AsSpan(0, count).Clear();
            t_items = items;
        }
    }

    /// <summary>Writes the host as <see cref="SocketsHttpHandler"/> sends it: the IDN host, and the port unless default.</summary>
    public static void AppendHost(ref ByteBuilder builder, Uri uri)
    {
        string host = uri.IdnHost;
        bool ipv6 = uri.HostNameType == UriHostNameType.IPv6 && !host.StartsWith('[');
        if (ipv6)
        {
            builder.Append((byte)'[');
        }

        AppendLowercase(ref builder, host);
        if (ipv6)
        {
            builder.Append((byte)']');
        }

        if (!uri.IsDefaultPort)
        {
            builder.Append((byte)':');
            Span<byte> digits = stackalloc byte[8];
            uri.Port.TryFormat(digits, out int written, provider: System.Globalization.CultureInfo.InvariantCulture);
            builder.Append(digits[..written]);
        }
    }

    private static void Collect(ref HeaderItem[] items, ref int count, byte[]? lowercaseName, HeaderStringValues values)
    {
        if (lowercaseName is not null)
        {
            Add(ref items, ref count, new HeaderItem(lowercaseName, values, null));
        }
    }

    private static void Add(ref HeaderItem[] items, ref int count, HeaderItem item)
    {
        if (count == items.Length)
        {
            Array.Resize(ref items, count * 2);
        }

        items[count++] = item;
    }

    private static bool SameName(byte[] a, byte[] b) => ReferenceEquals(a, b) || a.AsSpan().SequenceEqual(b);

    private static void Sort(Span<HeaderItem> items)
    {
        for (int i = 1; i < items.Length; i++)
        {
            HeaderItem current = items[i];
            int j = i - 1;
            while (j >= 0 && items[j].Name.AsSpan().SequenceCompareTo(current.Name) > 0)
            {
                items[j + 1] = items[j];
                j--;
            }

            items[j + 1] = current;
        }
    }

    private static void AppendLowercase(ref ByteBuilder builder, string value)
    {
        // Header names and host names are ASCII (vectorized); anything else is lowered per character as before.
        Span<byte> span = builder.AppendSpan(value.Length);
        if (System.Text.Ascii.ToLower(value, span, out _) != OperationStatus.Done)
        {
            for (int i = 0; i < value.Length; i++)
            {
                span[i] = (byte)ToLower(value[i]);
            }
        }
    }

    private static char ToLower(char c) => (uint)(c - 'A') <= 'Z' - 'A' ? (char)(c | 0x20) : c;
}
