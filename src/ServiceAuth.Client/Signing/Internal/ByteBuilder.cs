using System.Buffers;
using System.Text;
using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Signing.Internal;

/// <summary>A growable byte buffer over <see cref="ArrayPool{T}"/>, for building canonical strings without garbage;
/// every buffer is cleared before it returns to the pool.</summary>
internal struct ByteBuilder : IDisposable
{
    private byte[] _buffer;
    private int _length;
    private int _written;

    public ByteBuilder(int capacity)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(capacity);
        _length = 0;
    }

    public readonly int Length => _length;

    public readonly ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    public readonly ReadOnlySpan<byte> Slice(int start, int length) => _buffer.AsSpan(start, length);

    public void Append(byte value)
    {
        if (_length == _buffer.Length)
        {
            Grow(1);
        }

        _buffer[_length++] = value;
    }

    public void Append(ReadOnlySpan<byte> value)
    {
        if (_length + value.Length > _buffer.Length)
        {
            Grow(value.Length);
        }

        value.CopyTo(_buffer.AsSpan(_length));
        _length += value.Length;
    }

    /// <summary>Appends a string as UTF-8 (ASCII strings copy one byte per character).</summary>
    public void Append(ReadOnlySpan<char> value)
    {
        // Fast path: room for one byte per character, and the value is ASCII (header values, tokens, hashes), so it
        // fits without growing to the UTF-8 worst case of three bytes per character.
        if (_length + value.Length <= _buffer.Length && Ascii.FromUtf16(value, _buffer.AsSpan(_length), out int written) == OperationStatus.Done)
        {
            _length += written;
            return;
        }

        int count = Encoding.UTF8.GetByteCount(value);
        if (_length + count > _buffer.Length)
        {
            Grow(count);
        }

        _length += Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_length));
    }

    public Span<byte> AppendSpan(int length)
    {
        if (_length + length > _buffer.Length)
        {
            Grow(length);
        }

        Span<byte> span = _buffer.AsSpan(_length, length);
        _length += length;
        return span;
    }

    public void Truncate(int length)
    {
        _written = Math.Max(_written, _length);
        _length = length;
    }

    public void Dispose()
    {
        byte[] buffer = _buffer;
        _buffer = [];
        if (buffer.Length > 0)
        {
            // It held a canonical request or a string to sign (session token included): what was written is cleared
            // before it goes back (the rest of the array is as the pool gave it).
            buffer.AsSpan(0, Math.Max(_written, _length)).Clear();
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Grow(int additional)
    {
        byte[] next = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + additional));
        _buffer.AsSpan(0, _length).CopyTo(next);
        _buffer.AsSpan(0, Math.Max(_written, _length)).Clear();
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = next;
    }
}
