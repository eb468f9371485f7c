using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace ServiceAuth.Client.Testing.Internal.Sqs;

/// <summary>The MD5 digests SQS returns and the SDKs check: of the body, and of the message attributes (names sorted;
/// each name, data type and value length-prefixed big-endian, with a transport byte 1 for String/Number, 2 for Binary).</summary>
internal static class SqsChecksums
{
#pragma warning disable CA5351 // SQS's wire checksum is MD5; it is an integrity check the SDK demands, not security.
    public static string OfBody(string body) => Auth.SigV4Crypto.Hex(MD5.HashData(Encoding.UTF8.GetBytes(body)));

    public static string? OfAttributes(IReadOnlyDictionary<string, DeliveredAttributeValue> attributes)
    {
        if (attributes.Count == 0)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        foreach (string name in attributes.Keys.Order(StringComparer.Ordinal))
        {
            DeliveredAttributeValue value = attributes[name];
            Write(buffer, Encoding.UTF8.GetBytes(name));
            Write(buffer, Encoding.UTF8.GetBytes(value.DataType));
            bool binary = value.DataType.StartsWith("Binary", StringComparison.Ordinal);
            buffer.WriteByte(binary ? (byte)2 : (byte)1);
            Write(buffer, binary ? value.BinaryValue.ToArray() : Encoding.UTF8.GetBytes(value.StringValue ?? string.Empty));
        }

        return Auth.SigV4Crypto.Hex(MD5.HashData(buffer.ToArray()));
    }
#pragma warning restore CA5351

    private static void Write(MemoryStream buffer, byte[] bytes)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        buffer.Write(length);
        buffer.Write(bytes);
    }
}
