using System.Buffers;
using System.Text;
using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Signing.Internal;

/// <summary>A growable byte buffer over <see cref="ArrayPool{T}"/>, for building canonical strings without garbage;
/// every buffer is cleared before it returns to the pool. <see cref="OnThreadBuffer"/> starts on the thread's own buffer
/// instead.</summary>
internal struct ByteBuilder : IDisposable
{
    /// <summary>The size of each thread's own buffer: a canonical request that outgrows it moves to the pool.</summary>
    public const int ThreadBufferSize = 4096;

    [ThreadStatic]
    private static byte[]? t_free;

    private byte[] _buffer;
    private int _length;
    private int _written;
    private bool _onThreadBuffer;

    public ByteBuilder(int capacity)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(capacity);
        _length = 0;
    }

    private ByteBuilder(byte[] threadBuffer)
    {
        _buffer = threadBuffer;
        _onThreadBuffer = true;
    }

    /// <summary>Gets this thread's own buffer while no builder holds it (for tests).</summary>
    internal static byte[]? FreeThreadBuffer => t_free;

    public readonly int Length => _length;

    /// <summary>A builder on this thread's own buffer (made once per thread, of <see cref="ThreadBufferSize"/> bytes):
    /// no renting, clearing or returning per use. For canonical requests only: the buffer is not cleared, so what it
    /// held stays until the thread's next canonical request overwrites it. A canonical request holds no secret key;
    /// the session token it can hold is also kept on the signing key and on the request itself. A builder made while
    /// another holds the buffer (nested signing) gets a buffer of its own.</summary>
    public static ByteBuilder OnThreadBuffer()
    {
        byte[] buffer = t_free ?? new byte[ThreadBufferSize];
        t_free = null;
        return new ByteBuilder(buffer);
    }

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
        if (_onThreadBuffer)
        {
            _onThreadBuffer = false;
            t_free = buffer;
        }
        else if (buffer.Length > 0)
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
        if (_onThreadBuffer)
        {
            // From here on a pooled buffer like any other; the thread's own goes back to the thread as it is.
            _onThreadBuffer = false;
            t_free = _buffer;
        }
        else
        {
            _buffer.AsSpan(0, Math.Max(_written, _length)).Clear();
            ArrayPool<byte>.Shared.Return(_buffer);
        }

        _buffer = next;
    }
}
