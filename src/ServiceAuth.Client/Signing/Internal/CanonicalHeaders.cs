using System.Buffers;
using System.Net.Http.Headers;
using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Signing.Internal;

/// <summary>
/// The canonical headers and the signed-headers list: request and content headers as .NET writes them on the wire
/// (several values of one header joined with <c>", "</c>), names lowercased and sorted, values trimmed with inner runs of
/// spaces collapsed, <c>host</c> taken from the URI when it is not set, and <see cref="UnsignedHeaders"/> left out.
/// </summary>
/// <remarks>One pass over each header collection: header signing learns here which of the headers it replaces the
/// request already carries (<see cref="FoundHeaders"/>), so it looks none of them up by name.</remarks>
internal static class CanonicalHeaders
{
    /// <summary>Writes the request's headers as they are (presigning) and returns the signed-headers list as a range of
    /// the builder.</summary>
    public static Range Append(ref ByteBuilder builder, HttpRequestMessage request, Uri uri) =>
        Append(ref builder, request, uri, signing: false, default, out _);

    /// <summary>Writes the headers as header signing leaves them: <paramref name="own"/> in place of the request's
    /// headers of those names. <paramref name="found"/> tells which of them the request carries.</summary>
    public static Range Append(ref ByteBuilder builder, HttpRequestMessage request, Uri uri, in OwnHeaders own, out FoundHeaders found) =>
        OwnHeadersOnly.TryAppend(ref builder, request, uri, own, out found, out Range signedHeaders)
            ? signedHeaders
            : AppendSorted(ref builder, request, uri, own, out found);

    /// <summary>The same without the <see cref="OwnHeadersOnly"/> shortcut: every line collected and sorted.</summary>
    public static Range AppendSorted(ref ByteBuilder builder, HttpRequestMessage request, Uri uri, in OwnHeaders own, out FoundHeaders found) =>
        Append(ref builder, request, uri, signing: true, own, out found);

    /// <summary>Writes the host as <see cref="SocketsHttpHandler"/> sends it: the IDN host, and the port unless default.</summary>
    [System.Runtime.CompilerServices.SkipLocalsInit]
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

    /// <remarks>The loops are in <see cref="Collect"/>, the <see langword="stackalloc"/> here: a method with both is
    /// compiled straight to optimized code without tiering (no on-stack replacement with <see langword="stackalloc"/>),
    /// so without dynamic PGO, which inlines the header enumeration.</remarks>
    [System.Runtime.CompilerServices.SkipLocalsInit]
    private static Range Append(ref ByteBuilder builder, HttpRequestMessage request, Uri uri, bool signing, in OwnHeaders own, out FoundHeaders found)
    {
        // A per-thread scratch array: no pool round trip, and it is cleared before it is left.
        HeaderNames names = HeaderNames.Current;
        var items = new HeaderList(names.Items);
        try
        {
            found = Collect(ref items, names, request, signing, own);
            Span<int> order = items.Count <= 64 ? stackalloc int[items.Count] : new int[items.Count];
            return Write(ref builder, items.Items, items.Sort(order), uri);
        }
        finally
        {
            names.Items = items.Clear();
        }
    }

    /// <summary>Adds the header lines to sign to <paramref name="items"/>; returns which of the headers signing replaces
    /// the request carries.</summary>
    private static FoundHeaders Collect(ref HeaderList items, HeaderNames names, HttpRequestMessage request, bool signing, in OwnHeaders own)
    {
        FoundHeaders found = FoundHeaders.None;
        bool hasHost = false;
        foreach (KeyValuePair<string, HeaderStringValues> header in request.Headers.NonValidated)
        {
            HeaderName name = names.Get(header.Key);
            if (Collects(name.Kind, header.Value, signing, own, ref found, ref hasHost))
            {
                items.Add(new HeaderItem(name, HeaderValue.ToWireString(header.Value)));
            }
        }

        if (signing)
        {
            items.Add(new HeaderItem(HeaderName.AmzDate, own.AmzDate));
            if (own.SecurityToken is not null)
            {
                items.Add(new HeaderItem(HeaderName.SecurityToken, own.SecurityToken, own.CanonicalSecurityToken));
            }

            AddIfSet(ref items, HeaderName.RegionSet, own.RegionSet);
            AddIfSet(ref items, HeaderName.ContentSha256, (found & FoundHeaders.ContentSha256) == 0 ? own.ContentSha256 : null);
        }

        if (request.Content is { } content)
        {
            foreach (KeyValuePair<string, HeaderStringValues> header in content.Headers.NonValidated)
            {
                HeaderName name = names.Get(header.Key);
                if (name.Kind is not (HeaderKind.Unsigned or HeaderKind.Authorization))
                {
                    items.Add(new HeaderItem(name, HeaderValue.ToWireString(header.Value)));
                }
            }
        }

        if (!hasHost)
        {
            items.Add(new HeaderItem(HeaderName.Host, null));
        }

        return found;
    }

    /// <summary>Whether a request header is signed as it is; notes the headers signing replaces.</summary>
    public static bool Collects(HeaderKind kind, HeaderStringValues values, bool signing, in OwnHeaders own, ref FoundHeaders found, ref bool hasHost)
    {
        switch (kind)
        {
            case HeaderKind.Unsigned:
                return false;
            case HeaderKind.Authorization:
                found |= FoundHeaders.Authorization;
                return false;
            case HeaderKind.Host:
                hasHost = true;
                return true;
            case HeaderKind.ContentSha256:
                found |= FoundHeaders.ContentSha256;
                return true;
            case HeaderKind.AmzDate when signing:
                found |= Found(values, own.AmzDate, FoundHeaders.AmzDate, FoundHeaders.AmzDateSame);
                return false;
            case HeaderKind.SecurityToken when signing:
                found |= Found(values, own.SecurityToken, FoundHeaders.SecurityToken, FoundHeaders.SecurityTokenSame);
                return false;
            case HeaderKind.RegionSet when signing && own.RegionSet is not null:
                found |= Found(values, own.RegionSet, FoundHeaders.RegionSet, FoundHeaders.RegionSetSame);
                return false;
            default:
                return true;
        }
    }

    /// <summary>Present, and "same" when it holds exactly the string signing would set (a request signed again).</summary>
    private static FoundHeaders Found(HeaderStringValues values, string? value, FoundHeaders present, FoundHeaders same) =>
        value is not null && values.Count == 1 && ReferenceEquals(HeaderValue.ToWireString(values), value) ? present | same : present;

    private static void AddIfSet(ref HeaderList items, HeaderName name, string? value)
    {
        if (value is not null)
        {
            items.Add(new HeaderItem(name, value));
        }
    }

    /// <summary>Writes <c>name:value\n</c> lines in name order, then the signed-headers list, whose range it returns.
    /// Lines of one name (a request and a content header) are joined with <c>,</c> as AWS joins them.</summary>
    private static Range Write(ref ByteBuilder builder, ReadOnlySpan<HeaderItem> items, ReadOnlySpan<int> order, Uri uri)
    {
        HeaderName? previous = null;
        foreach (int index in order)
        {
            HeaderItem item = items[index];
            if (previous is not null && HeaderName.SameName(item.Name, previous))
            {
                builder.Truncate(builder.Length - 1);
                builder.Append((byte)',');
            }
            else
            {
                builder.Append(item.Name.Lowercase);
                builder.Append((byte)':');
            }

            if (item.CanonicalValue is not null)
            {
                builder.Append(item.CanonicalValue);
            }
            else if (item.Value is null)
            {
                AppendHost(ref builder, uri);
            }
            else
            {
                HeaderValue.AppendTrimmed(ref builder, item.Value);
            }

            builder.Append((byte)'\n');
            previous = item.Name;
        }

        builder.Append((byte)'\n');
        int start = builder.Length;
        previous = null;
        foreach (int index in order)
        {
            HeaderName name = items[index].Name;
            if (previous is not null && HeaderName.SameName(name, previous))
            {
                continue;
            }

            if (previous is not null)
            {
                builder.Append((byte)';');
            }

            builder.Append(name.Lowercase);
            previous = name;
        }

        return new Range(start, builder.Length);
    }

    private static void AppendLowercase(ref ByteBuilder builder, string value)
    {
        // Host names are ASCII (vectorized); anything else is lowered per character.
        Span<byte> span = builder.AppendSpan(value.Length);
        if (System.Text.Ascii.ToLower(value, span, out _) != OperationStatus.Done)
        {
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                span[i] = (byte)((uint)(c - 'A') <= 'Z' - 'A' ? c | 0x20 : c);
            }
        }
    }
}
