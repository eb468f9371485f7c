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

    /// <summary>Writes <c>name:value\n</c> lines and returns the signed-headers list as a range of the builder.</summary>
    public static Range Append(ref ByteBuilder builder, HttpRequestMessage request, Uri uri)
    {
        HeaderItem[] items = ArrayPool<HeaderItem>.Shared.Rent(32);
        int count = 0;
        bool hasHost = false;
        try
        {
            foreach (KeyValuePair<string, HeaderStringValues> header in request.Headers.NonValidated)
            {
                hasHost |= header.Key.Equals("Host", StringComparison.OrdinalIgnoreCase);
                Collect(ref items, ref count, header.Key, header.Value);
            }

            if (request.Content is { } content)
            {
                foreach (KeyValuePair<string, HeaderStringValues> header in content.Headers.NonValidated)
                {
                    Collect(ref items, ref count, header.Key, header.Value);
                }
            }

            if (!hasHost)
            {
                Add(ref items, ref count, new HeaderItem("host", default, HostFromUri));
            }

            Span<HeaderItem> sorted = items.AsSpan(0, count);
            Sort(sorted);
            for (int i = 0; i < sorted.Length; i++)
            {
                bool continuesPrevious = i > 0 && sorted[i].Name.Equals(sorted[i - 1].Name, StringComparison.OrdinalIgnoreCase);
                if (continuesPrevious)
                {
                    // The same name in request and content headers arrives as two lines, which AWS joins with ','.
                    builder.Truncate(builder.Length - 1);
                    builder.Append((byte)',');
                }
                else
                {
                    AppendLowercase(ref builder, sorted[i].Name);
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
                if (i > 0 && sorted[i].Name.Equals(sorted[i - 1].Name, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (builder.Length > start)
                {
                    builder.Append((byte)';');
                }

                AppendLowercase(ref builder, sorted[i].Name);
            }

            return new Range(start, builder.Length);
        }
        finally
        {
            items.AsSpan(0, count).Clear();
            ArrayPool<HeaderItem>.Shared.Return(items, clearArray: true);
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

    private static void Collect(ref HeaderItem[] items, ref int count, string name, HeaderStringValues values)
    {
        if (!UnsignedHeaders.Contains(name))
        {
            Add(ref items, ref count, new HeaderItem(name, values, null));
        }
    }

    private static void Add(ref HeaderItem[] items, ref int count, HeaderItem item)
    {
        if (count == items.Length)
        {
            HeaderItem[] next = ArrayPool<HeaderItem>.Shared.Rent(count * 2);
            items.AsSpan(0, count).CopyTo(next);
            items.AsSpan(0, count).Clear();
            ArrayPool<HeaderItem>.Shared.Return(items, clearArray: true);
            items = next;
        }

        items[count++] = item;
    }

    private static void Sort(Span<HeaderItem> items)
    {
        for (int i = 1; i < items.Length; i++)
        {
            HeaderItem current = items[i];
            int j = i - 1;
            while (j >= 0 && CompareLowercase(items[j].Name, current.Name) > 0)
            {
                items[j + 1] = items[j];
                j--;
            }

            items[j + 1] = current;
        }
    }

    private static int CompareLowercase(string a, string b)
    {
        int length = Math.Min(a.Length, b.Length);
        for (int i = 0; i < length; i++)
        {
            int diff = ToLower(a[i]) - ToLower(b[i]);
            if (diff != 0)
            {
                return diff;
            }
        }

        return a.Length - b.Length;
    }

    private static void AppendLowercase(ref ByteBuilder builder, string value)
    {
        Span<byte> span = builder.AppendSpan(value.Length);
        for (int i = 0; i < value.Length; i++)
        {
            span[i] = (byte)ToLower(value[i]);
        }
    }

    private static char ToLower(char c) => (uint)(c - 'A') <= 'Z' - 'A' ? (char)(c | 0x20) : c;
}
