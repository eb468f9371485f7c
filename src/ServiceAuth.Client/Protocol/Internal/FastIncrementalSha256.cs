using System.Security.Cryptography;

namespace ServiceAuth.Client.Protocol.Internal;

/// <summary>An incremental SHA-256 that is reused (a payload hashed as it is written): on OpenSSL directly where
/// <see cref="OpenSslSha256"/> is available (a context in a 128-byte array: no native state to free), else on the
/// runtime's <see cref="IncrementalHash"/>. Not thread-safe: one user at a time, as its pool hands it out.</summary>
internal sealed class FastIncrementalSha256 : IDisposable
{
    private readonly byte[]? _context;
    private readonly IncrementalHash? _hash;

    public FastIncrementalSha256()
    {
        if (OpenSslSha256.IsAvailable)
        {
            _context = new byte[OpenSslSha256.ContextSize];
            OpenSslSha256.Start(_context, []);
        }
        else
        {
            _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        }
    }

    public void AppendData(ReadOnlySpan<byte> data)
    {
        if (_context is not null)
        {
            OpenSslSha256.Append(_context, data);
        }
        else
        {
            _hash!.AppendData(data);
        }
    }

    /// <summary>Writes the digest (32 bytes) and starts again, empty.</summary>
    public void GetHashAndReset(Span<byte> digest)
    {
        if (_context is not null)
        {
            OpenSslSha256.FinishAndRestart(_context, digest);
        }
        else
        {
            _hash!.GetHashAndReset(digest);
        }
    }

    public void Dispose() => _hash?.Dispose();
}
