using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Hybrid;
using ServiceAuth.Client.ClientCredentials.Internal;

namespace ServiceAuth.Client.Caching.Internal;

/// <summary>
/// Writes an access token to the distributed cache encrypted and authenticated by ASP.NET Core Data Protection
/// (purpose <see cref="Purpose"/>): the payload is the expiry (UTC ticks, 8 bytes little-endian) and the token (UTF-8);
/// the clear bytes are zeroed after use. A payload that does not unprotect (other key ring, tampered) throws, and the
/// store treats it as a cache failure.
/// </summary>
internal sealed class ProtectedAccessTokenSerializer : IHybridCacheSerializer<AccessToken>
{
    public const string Purpose = "ServiceAuth.Client.Caching.AccessToken.v1";

    private readonly IDataProtector _protector;

    public ProtectedAccessTokenSerializer(IDataProtectionProvider provider) => _protector = provider.CreateProtector(Purpose);

    public AccessToken Deserialize(ReadOnlySequence<byte> source)
    {
        byte[] clear = _protector.Unprotect(source.ToArray());
        try
        {
            long ticks = BinaryPrimitives.ReadInt64LittleEndian(clear);
            return new AccessToken(Encoding.UTF8.GetString(clear, 8, clear.Length - 8), new DateTimeOffset(ticks, TimeSpan.Zero));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(clear);
        }
    }

    public void Serialize(AccessToken value, IBufferWriter<byte> target)
    {
        byte[] clear = new byte[8 + Encoding.UTF8.GetByteCount(value.Value)];
        try
        {
            BinaryPrimitives.WriteInt64LittleEndian(clear, value.ExpiresAt.UtcTicks);
            Encoding.UTF8.GetBytes(value.Value, 0, value.Value.Length, clear, 8);
            target.Write(_protector.Protect(clear));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(clear);
        }
    }
}
