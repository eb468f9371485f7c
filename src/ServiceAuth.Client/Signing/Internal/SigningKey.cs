using System.Security.Cryptography;

namespace ServiceAuth.Client.Signing.Internal;

/// <summary>
/// A derived signing key and a few keyed HMAC-SHA256 instances over it, reused so that signing does not set up the
/// HMAC key (an allocation of native state and two extra compressions) on every request.
/// </summary>
internal sealed class SigningKey
{
    private static readonly int PoolSize = Math.Clamp(Environment.ProcessorCount, 2, 8);

    private readonly IncrementalHash?[] _hmacs = new IncrementalHash?[PoolSize];

    public SigningKey(byte[] key) => Key = key;

    public byte[] Key { get; }

    /// <summary>Writes HMAC-SHA256(key, <paramref name="data"/>) to <paramref name="destination"/> (32 bytes).</summary>
    public void ComputeHmac(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        IncrementalHash hmac = Rent();

        // On an exception the instance is dropped rather than returned in an unknown state.
        hmac.AppendData(data);
        hmac.GetHashAndReset(destination);
        Return(hmac);
    }

    private IncrementalHash Rent()
    {
        IncrementalHash?[] hmacs = _hmacs;
        for (int i = 0; i < hmacs.Length; i++)
        {
            IncrementalHash? hmac = Interlocked.Exchange(ref hmacs[i], null);
            if (hmac is not null)
            {
                return hmac;
            }
        }

        return IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Key);
    }

    private void Return(IncrementalHash hmac)
    {
        IncrementalHash?[] hmacs = _hmacs;
        for (int i = 0; i < hmacs.Length; i++)
        {
            if (Interlocked.CompareExchange(ref hmacs[i], hmac, null) is null)
            {
                return;
            }
        }

        hmac.Dispose();
    }
}
