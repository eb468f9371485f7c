using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Signing.Internal;

/// <summary>
/// The canonical form of the common query: unreserved characters besides the separators, each value without another
/// <c>=</c>, a handful of parameters. Decoding and encoding give the same text, so the parameters are sorted where
/// they are, on the stack, and written once.
/// </summary>
internal static class PlainQuery
{
    private const int MaxParameters = 16;

    /// <summary>The longest query taken here: it is narrowed to bytes once, on the stack.</summary>
    private const int MaxLength = 512;

    /// <summary>Writes the canonical query of <paramref name="query"/> (without its <c>?</c>), or returns false, having
    /// written nothing, when it is not plain (or longer than <see cref="MaxLength"/>).</summary>
    [System.Runtime.CompilerServices.SkipLocalsInit]
    public static bool TryAppend(ref ByteBuilder builder, ReadOnlySpan<char> query)
    {
        if (query.Length > MaxLength || query.IndexOfAnyExcept(CanonicalQuery.Plain) >= 0 || query.Count('&') >= MaxParameters)
        {
            return false;
        }

        // Plain characters are ASCII: narrowed once, the parameters are found, compared and copied as bytes. The
        // stackalloc is here and the loops in TryAppendSorted: a method with both is compiled without tiering, so
        // without dynamic PGO.
        Span<byte> bytes = stackalloc byte[MaxLength];
        System.Text.Ascii.FromUtf16(query, bytes, out int length);
        return TryAppendSorted(ref builder, bytes[..length], stackalloc QueryParameter[MaxParameters]);
    }

    private static bool TryAppendSorted(ref ByteBuilder builder, ReadOnlySpan<byte> query, Span<QueryParameter> parameters)
    {
        int count = 0;
        int position = 0;
        bool sorted = true;
        while (position < query.Length)
        {
            int amp = query[position..].IndexOf((byte)'&');
            int end = amp < 0 ? query.Length : position + amp;
            if (end > position)
            {
                int eq = query[position..end].IndexOf((byte)'=');
                int nameEnd = eq < 0 ? end : position + eq;
                int valueStart = eq < 0 ? end : nameEnd + 1;
                sorted &= eq >= 0;
                if (query[valueStart..end].Contains((byte)'='))
                {
                    return false;
                }

                sorted &= Insert(query, parameters[..(count + 1)], new QueryParameter(position, nameEnd - position, valueStart, end - valueStart));
                count++;
            }
            else
            {
                sorted = false;
            }

            position = end + 1;
        }

        if (sorted && (query.IsEmpty || query[^1] != (byte)'&'))
        {
            // Already in order, every piece a name=value pair: the text is its own canonical form.
            builder.Append(query);
            return true;
        }

        for (int i = 0; i < count; i++)
        {
            if (i > 0)
            {
                builder.Append((byte)'&');
            }

            QueryParameter p = parameters[i];
            builder.Append(query.Slice(p.NameStart, p.NameLength));
            builder.Append((byte)'=');
            builder.Append(query.Slice(p.ValueStart, p.ValueLength));
        }

        return true;
    }

    /// <summary>Inserts the last parameter of <paramref name="sorted"/> in order (by name, then value; stable); returns
    /// whether it was already in place.</summary>
    private static bool Insert(ReadOnlySpan<byte> query, Span<QueryParameter> sorted, QueryParameter parameter)
    {
        int j = sorted.Length - 2;
        while (j >= 0 && Compare(query, sorted[j], parameter) > 0)
        {
            sorted[j + 1] = sorted[j];
            j--;
        }

        sorted[j + 1] = parameter;
        return j == sorted.Length - 2;
    }

    private static int Compare(ReadOnlySpan<byte> query, QueryParameter a, QueryParameter b)
    {
        // ASCII bytes: ordered as the UTF-8 bytes are.
        int byName = query.Slice(a.NameStart, a.NameLength).SequenceCompareTo(query.Slice(b.NameStart, b.NameLength));
        return byName != 0
            ? byName
            : query.Slice(a.ValueStart, a.ValueLength).SequenceCompareTo(query.Slice(b.ValueStart, b.ValueLength));
    }
}
