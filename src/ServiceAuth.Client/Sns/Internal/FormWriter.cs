using System.Buffers;
using System.Diagnostics;
using System.Text;

namespace ServiceAuth.Client.Sns.Internal;

/// <summary>
/// Writes an <c>application/x-www-form-urlencoded</c> body into a pooled buffer, percent-encoding values per RFC 3986 like
/// the AWS SDKs (everything but <c>A-Z a-z 0-9 - _ . ~</c> becomes <c>%XX</c> of its UTF-8 bytes; space is <c>%20</c>).
/// Keys are awsQuery member paths and need no encoding. The content sent is a copy, so the pooled buffer (cleared, it
/// held a message body) goes back on <see cref="Dispose"/> even while HTTP/2 may still be sending the request.
/// </summary>
internal sealed class FormWriter : IDisposable
{
    private byte[] _buffer;
    private int _length;

    public FormWriter(int initialCapacity = 4096) => _buffer = ArrayPool<byte>.Shared.Rent(initialCapacity);

    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    /// <summary>The body as content over its own array: a response can arrive (and the writer be disposed) before an
    /// HTTP/2 request body has been sent, so the pooled buffer is never handed to the transport.</summary>
    public ByteArrayContent ToContent() => new(_buffer.AsSpan(0, _length).ToArray());

    public void Add(ReadOnlySpan<char> prefix, string name, string value)
    {
        WriteKey(prefix, name);
        int max = Encoding.UTF8.GetMaxByteCount(value.Length);
        byte[]? rented = null;
        Span<byte> utf8 = max <= 512 ? stackalloc byte[512] : (rented = ArrayPool<byte>.Shared.Rent(max));
        int written = Encoding.UTF8.GetBytes(value, utf8);
        WriteEscaped(utf8[..written]);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented, clearArray: true);
        }
        else
        {
            utf8[..written].Clear();
        }
    }

    public void Add(ReadOnlySpan<char> prefix, string name, ReadOnlySpan<byte> utf8Value)
    {
        WriteKey(prefix, name);
        WriteEscaped(utf8Value);
    }

    public void Dispose()
    {
        byte[] buffer = _buffer;
        _buffer = [];
        _length = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
        }
    }

    private static bool IsUnreserved(byte b) =>
        (uint)(b - 'A') < 26 || (uint)(b - 'a') < 26 || (uint)(b - '0') < 10 || b is (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~';

    private void WriteKey(ReadOnlySpan<char> prefix, string name)
    {
        Ensure(prefix.Length + name.Length + 2);
        if (_length > 0)
        {
            _buffer[_length++] = (byte)'&';
        }

        foreach (char c in prefix)
        {
            Debug.Assert(IsUnreserved((byte)c), "awsQuery keys are unreserved ASCII");
            _buffer[_length++] = (byte)c;
        }

        foreach (char c in name)
        {
            _buffer[_length++] = (byte)c;
        }

        _buffer[_length++] = (byte)'=';
    }

    private void WriteEscaped(ReadOnlySpan<byte> value)
    {
        Ensure(value.Length * 3);
        Span<byte> target = _buffer.AsSpan(_length);
        int n = 0;
        foreach (byte b in value)
        {
            if (IsUnreserved(b))
            {
                target[n++] = b;
            }
            else
            {
                target[n++] = (byte)'%';
                target[n++] = (byte)"0123456789ABCDEF"[b >> 4];
                target[n++] = (byte)"0123456789ABCDEF"[b & 0xF];
            }
        }

        _length += n;
    }

    private void Ensure(int extra)
    {
        if (_length + extra <= _buffer.Length)
        {
            return;
        }

        byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + extra));
        _buffer.AsSpan(0, _length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer, clearArray: true);
        _buffer = larger;
    }
}
