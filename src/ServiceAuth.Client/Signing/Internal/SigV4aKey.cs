using System.Security.Cryptography;
using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Signing.Internal;

/// <summary>
/// One derived SigV4a key: the private scalar (pinned, zeroed when the key is retired) and a few <see cref="ECDsa"/>
/// instances over it, each used by one thread at a time.
/// </summary>
internal sealed class SigV4aKey
{
    /// <summary>The largest DER-encoded ECDSA P-256 signature, in bytes.</summary>
    public const int MaxSignatureLength = 72;

    private static readonly int PoolSize = Math.Clamp(Environment.ProcessorCount, 2, 8);

    private readonly ECDsa?[] _pool = new ECDsa?[PoolSize];
    private readonly byte[] _privateKey = GC.AllocateArray<byte>(SigV4aKeyDerivation.KeyLength, pinned: true);
    private volatile bool _retired;

    public SigV4aKey(string accessKeyId, string secretAccessKey)
    {
        SigV4aKeyDerivation.DerivePrivateKey(accessKeyId, secretAccessKey, _privateKey);
        _pool[0] = Create();
    }

    /// <summary>Signs a SHA-256 digest; writes the DER signature and returns its length, or −1 when the key was retired
    /// meanwhile (the caller derives it again).</summary>
    public int SignHash(ReadOnlySpan<byte> digest, Span<byte> destination)
    {
        ECDsa? ecdsa = Rent();
        if (ecdsa is null)
        {
            return -1;
        }

        // On an exception the instance is dropped rather than returned in an unknown state.
        if (!ecdsa.TrySignHash(digest, destination, DSASignatureFormat.Rfc3279DerSequence, out int written))
        {
            throw new CryptographicException("The ECDSA signature did not fit its buffer.");
        }

        Return(ecdsa);
        return written;
    }

    /// <summary>Exports the public key (for tests and the verifier's key check).</summary>
    public ECPoint PublicKey()
    {
        using ECDsa ecdsa = Create();
        return ecdsa.ExportParameters(includePrivateParameters: false).Q;
    }

    /// <summary>Zeroes the private key and disposes the pooled instances; instances in use are disposed on return.</summary>
    public void Retire()
    {
        lock (_privateKey)
        {
            _retired = true;
            CryptographicOperations.ZeroMemory(_privateKey);
        }

        Drain();
    }

    private ECDsa? Rent()
    {
        for (int i = 0; i < _pool.Length; i++)
        {
            ECDsa? ecdsa = Interlocked.Exchange(ref _pool[i], null);
            if (ecdsa is not null)
            {
                return ecdsa;
            }
        }

        lock (_privateKey)
        {
            return _retired ? null : Create();
        }
    }

    private void Return(ECDsa ecdsa)
    {
        for (int i = 0; !_retired && i < _pool.Length; i++)
        {
            if (Interlocked.CompareExchange(ref _pool[i], ecdsa, null) is null)
            {
                if (_retired)
                {
                    Drain();
                }

                return;
            }
        }

        ecdsa.Dispose();
    }

    private void Drain()
    {
        for (int i = 0; i < _pool.Length; i++)
        {
            Interlocked.Exchange(ref _pool[i], null)?.Dispose();
        }
    }

    private ECDsa Create() => ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = _privateKey });
}
