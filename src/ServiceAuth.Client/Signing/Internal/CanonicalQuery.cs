using System.Buffers;
using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Signing.Internal;

/// <summary>
/// The canonical query string: each name and value percent-decoded (a <c>+</c> is not a space) and encoded again per
/// RFC 3986, sorted by encoded name and then encoded value, repeated and valueless names kept.
/// </summary>
internal ref struct CanonicalQuery
{
    internal static readonly SearchValues<char> Plain = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~=&");

    private ByteBuilder _scratch;
    private QueryParameter[] _parameters;
    private int _count;

    public CanonicalQuery(ReadOnlySpan<char> wireQuery, int extra)
    {
        _scratch = new ByteBuilder(wireQuery.Length + 256);
        _parameters = ArrayPool<QueryParameter>.Shared.Rent(Math.Max(8, CountSeparators(wireQuery) + 1 + extra));
        _count = 0;
        if (!wireQuery.IsEmpty && wireQuery[0] == '?')
        {
            wireQuery = wireQuery[1..];
        }

        // Only unreserved characters besides the separators: decoding and encoding give the same bytes, so copy the
        // query once and point into it.
        if (wireQuery.IndexOfAnyExcept(Plain) < 0 && TryAddPlain(wireQuery))
        {
            return;
        }

        while (!wireQuery.IsEmpty)
        {
            int amp = wireQuery.IndexOf('&');
            ReadOnlySpan<char> pair = amp < 0 ? wireQuery : wireQuery[..amp];
            wireQuery = amp < 0 ? default : wireQuery[(amp + 1)..];
            if (pair.IsEmpty)
            {
                continue;
            }

            int eq = pair.IndexOf('=');
            ReadOnlySpan<char> name = eq < 0 ? pair : pair[..eq];
            ReadOnlySpan<char> value = eq < 0 ? default : pair[(eq + 1)..];
            int nameStart = _scratch.Length;
            UriEncoder.AppendDecodedThenEncoded(ref _scratch, name, keepSlash: false);
            int valueStart = _scratch.Length;
            UriEncoder.AppendDecodedThenEncoded(ref _scratch, value, keepSlash: false);
            Add(new QueryParameter(nameStart, valueStart - nameStart, valueStart, _scratch.Length - valueStart));
        }
    }

    /// <summary>Adds a parameter given unencoded (the <c>X-Amz-*</c> parameters of a presigned URL).</summary>
    public void AddRaw(scoped ReadOnlySpan<char> name, scoped ReadOnlySpan<char> value)
    {
        int nameStart = _scratch.Length;
        UriEncoder.AppendEncoded(ref _scratch, name, keepSlash: false);
        int valueStart = _scratch.Length;
        UriEncoder.AppendEncoded(ref _scratch, value, keepSlash: false);
        Add(new QueryParameter(nameStart, valueStart - nameStart, valueStart, _scratch.Length - valueStart));
    }

    /// <summary>Adds a parameter whose value is already encoded bytes (a signed-headers list).</summary>
    public void AddRaw(scoped ReadOnlySpan<char> name, scoped ReadOnlySpan<byte> asciiValue)
    {
        int nameStart = _scratch.Length;
        UriEncoder.AppendEncoded(ref _scratch, name, keepSlash: false);
        int valueStart = _scratch.Length;
        for (int i = 0; i < asciiValue.Length; i++)
        {
            UriEncoder.AppendEncoded(ref _scratch, [(char)asciiValue[i]], keepSlash: false);
        }

        Add(new QueryParameter(nameStart, valueStart - nameStart, valueStart, _scratch.Length - valueStart));
    }

    public void WriteSorted(ref ByteBuilder builder)
    {
        Span<QueryParameter> parameters = _parameters.AsSpan(0, _count);
        ReadOnlySpan<byte> scratch = _scratch.Written;

        // Insertion sort: stable, allocation-free and fast for the handful of parameters requests carry.
        for (int i = 1; i < parameters.Length; i++)
        {
            QueryParameter current = parameters[i];
            int j = i - 1;
            while (j >= 0 && Compare(scratch, parameters[j], current) > 0)
            {
                parameters[j + 1] = parameters[j];
                j--;
            }

            parameters[j + 1] = current;
        }

        for (int i = 0; i < parameters.Length; i++)
        {
            if (i > 0)
            {
                builder.Append((byte)'&');
            }

            QueryParameter p = parameters[i];
            builder.Append(scratch.Slice(p.NameStart, p.NameLength));
            builder.Append((byte)'=');
            builder.Append(scratch.Slice(p.ValueStart, p.ValueLength));
        }
    }

    public void Dispose()
    {
        _scratch.Dispose();
        ArrayPool<QueryParameter>.Shared.Return(_parameters, clearArray: true);
        _parameters = [];
    }

    private static int Compare(ReadOnlySpan<byte> scratch, QueryParameter a, QueryParameter b)
    {
        int byName = scratch.Slice(a.NameStart, a.NameLength).SequenceCompareTo(scratch.Slice(b.NameStart, b.NameLength));
        return byName != 0
            ? byName
            : scratch.Slice(a.ValueStart, a.ValueLength).SequenceCompareTo(scratch.Slice(b.ValueStart, b.ValueLength));
    }

    private static int CountSeparators(ReadOnlySpan<char> query) => query.Count('&');

    /// <summary>Adds the parameters of a query of unreserved characters, <c>=</c> and <c>&amp;</c>; false (and nothing
    /// added) when a value holds another <c>=</c>, which must be encoded.</summary>
    private bool TryAddPlain(ReadOnlySpan<char> wireQuery)
    {
        int offset = _scratch.Length;
        _scratch.Append(wireQuery);
        int position = 0;
        while (position < wireQuery.Length)
        {
            int amp = wireQuery[position..].IndexOf('&');
            int end = amp < 0 ? wireQuery.Length : position + amp;
            if (end > position)
            {
                int eq = wireQuery[position..end].IndexOf('=');
                int nameEnd = eq < 0 ? end : position + eq;
                int valueStart = eq < 0 ? end : nameEnd + 1;
                if (wireQuery[valueStart..end].Contains('='))
                {
                    _scratch.Truncate(offset);
                    _count = 0;
                    return false;
                }

                Add(new QueryParameter(offset + position, nameEnd - position, offset + valueStart, end - valueStart));
            }

            position = end + 1;
        }

        return true;
    }

    private void Add(QueryParameter parameter)
    {
        if (_count == _parameters.Length)
        {
            QueryParameter[] next = ArrayPool<QueryParameter>.Shared.Rent(_count * 2);
            _parameters.AsSpan(0, _count).CopyTo(next);
            ArrayPool<QueryParameter>.Shared.Return(_parameters, clearArray: true);
            _parameters = next;
        }

        _parameters[_count++] = parameter;
    }
}
