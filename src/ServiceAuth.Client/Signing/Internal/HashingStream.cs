using ServiceAuth.Client.Protocol.Internal;
using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Signing.Internal;

/// <summary>A write-only stream that SHA-256-hashes what content serializes into it; pooled, so hashing a buffered body
/// allocates nothing.</summary>
internal sealed class HashingStream : Stream
{
    private static readonly HashingStream?[] Pool = new HashingStream?[Math.Max(4, Environment.ProcessorCount * 2)];

    private readonly FastIncrementalSha256 _hash = new();

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public long BytesWritten { get; private set; }

    public static HashingStream Rent()
    {
        for (int i = 0; i < Pool.Length; i++)
        {
            HashingStream? stream = Interlocked.Exchange(ref Pool[i], null);
            if (stream is not null)
            {
                return stream;
            }
        }

        return new HashingStream();
    }

    public static void Return(HashingStream stream)
    {
        stream.Reset();
        for (int i = 0; i < Pool.Length; i++)
        {
            if (Interlocked.CompareExchange(ref Pool[i], stream, null) is null)
            {
                return;
            }
        }
    }

    public void GetHashAndReset(Span<byte> destination)
    {
        _hash.GetHashAndReset(destination);
        BytesWritten = 0;
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _hash.AppendData(buffer);
        BytesWritten += buffer.Length;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private void Reset()
    {
        // GetHashAndReset leaves the hash clean with nothing written; finishing a clean hash again would cost a
        // finalization for nothing.
        if (BytesWritten == 0)
        {
            return;
        }

        Span<byte> discard = stackalloc byte[32];
        _hash.GetHashAndReset(discard);
        BytesWritten = 0;
    }
}
