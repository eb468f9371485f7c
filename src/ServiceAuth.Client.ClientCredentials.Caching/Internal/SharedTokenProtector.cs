using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using ServiceAuth.Client.ClientCredentials.Internal;

namespace ServiceAuth.Client.Caching.Internal;

/// <summary>
/// Encrypts and authenticates a shared token with ASP.NET Core Data Protection (purpose <see cref="Purpose"/>). The
/// protected payload binds the entry's cache key and a generation to the token: key length (2 bytes) and key (UTF-8),
/// generation (8 bytes), expiry (UTC ticks, 8 bytes), token (UTF-8); little-endian; the clear bytes are zeroed after use.
/// A value copied from another entry, tampered with, or protected with another key ring is refused (null).
/// </summary>
internal sealed class SharedTokenProtector(IDataProtectionProvider provider)
{
    public const string Purpose = "ServiceAuth.Client.Caching.AccessToken.v2";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public byte[] Protect(string cacheKey, long generation, AccessToken token)
    {
        int keyLength = Encoding.UTF8.GetByteCount(cacheKey);
        byte[] clear = new byte[2 + keyLength + 16 + Encoding.UTF8.GetByteCount(token.Value)];
        try
        {
            BinaryPrimitives.WriteUInt16LittleEndian(clear, checked((ushort)keyLength));
            Encoding.UTF8.GetBytes(cacheKey, 0, cacheKey.Length, clear, 2);
            BinaryPrimitives.WriteInt64LittleEndian(clear.AsSpan(2 + keyLength), generation);
            BinaryPrimitives.WriteInt64LittleEndian(clear.AsSpan(10 + keyLength), token.ExpiresAt.UtcTicks);
            Encoding.UTF8.GetBytes(token.Value, 0, token.Value.Length, clear, 18 + keyLength);
            return _protector.Protect(clear);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(clear);
        }
    }

    public SharedToken? Unprotect(string cacheKey, byte[] stored)
    {
        byte[] clear;
        try
        {
            clear = _protector.Unprotect(stored);
        }
        catch (CryptographicException)
        {
            return null;
        }

        try
        {
            int keyLength = clear.Length < 2 ? int.MaxValue : BinaryPrimitives.ReadUInt16LittleEndian(clear);
            if (clear.Length < 18 + keyLength || !Encoding.UTF8.GetString(clear, 2, keyLength).Equals(cacheKey, StringComparison.Ordinal))
            {
                return null;
            }

            long generation = BinaryPrimitives.ReadInt64LittleEndian(clear.AsSpan(2 + keyLength));
            long expiry = BinaryPrimitives.ReadInt64LittleEndian(clear.AsSpan(10 + keyLength));
            if (expiry < DateTimeOffset.MinValue.UtcTicks || expiry > DateTimeOffset.MaxValue.UtcTicks)
            {
                return null;
            }

            var token = new AccessToken(Encoding.UTF8.GetString(clear, 18 + keyLength, clear.Length - 18 - keyLength), new DateTimeOffset(expiry, TimeSpan.Zero));
            return new SharedToken(generation, token);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(clear);
        }
    }
}
