using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace ServiceAuth.Client.Sns;

/// <summary>The value of an SNS message attribute (the key is its name): a <c>String</c>, <c>String.Array</c>, <c>Number</c> or <c>Binary</c>.</summary>
public sealed class SnsAttributeValue
{
    /// <summary>Initializes a new instance of the <see cref="SnsAttributeValue"/> class with a string value.</summary>
    /// <param name="dataType"><c>String</c>, <c>String.Array</c> (a JSON array) or <c>Number</c>.</param>
    /// <param name="stringValue">The value.</param>
    public SnsAttributeValue(string dataType, string stringValue)
    {
        DataType = dataType;
        StringValue = stringValue;
    }

    /// <summary>Initializes a new instance of the <see cref="SnsAttributeValue"/> class with a <c>Binary</c> value.</summary>
    /// <param name="binaryValue">The bytes; sent base64-encoded.</param>
    public SnsAttributeValue(ReadOnlyMemory<byte> binaryValue)
    {
        DataType = "Binary";
        BinaryValue = binaryValue;
    }

    /// <summary>Gets the data type: <c>String</c>, <c>String.Array</c>, <c>Number</c> or <c>Binary</c>.</summary>
    public string DataType { get; }

    /// <summary>Gets the value of a <c>String</c>, <c>String.Array</c> or <c>Number</c> attribute.</summary>
    public string? StringValue { get; }

    /// <summary>Gets the value of a <c>Binary</c> attribute.</summary>
    public ReadOnlyMemory<byte> BinaryValue { get; }

    /// <summary>Creates a <c>String</c> attribute.</summary>
    /// <param name="value">The value; for filter policies that match on it, valid JSON text.</param>
    /// <returns>The attribute.</returns>
    public static SnsAttributeValue FromString(string value) => new("String", value);

    /// <summary>Creates a <c>Number</c> attribute.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The attribute.</returns>
    public static SnsAttributeValue FromNumber(decimal value) => new("Number", value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Creates a <c>Number</c> attribute.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The attribute.</returns>
    public static SnsAttributeValue FromNumber(long value) => new("Number", value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Creates a <c>Binary</c> attribute.</summary>
    /// <param name="value">The bytes.</param>
    /// <returns>The attribute.</returns>
    public static SnsAttributeValue FromBinary(ReadOnlyMemory<byte> value) => new(value);

    /// <summary>Creates a <c>String.Array</c> attribute holding the strings as a JSON array.</summary>
    /// <param name="values">The strings.</param>
    /// <returns>The attribute.</returns>
    public static SnsAttributeValue FromStringArray(params IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (string value in values)
            {
                writer.WriteStringValue(value);
            }

            writer.WriteEndArray();
        }

        return new("String.Array", System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    /// <inheritdoc />
    public override string ToString() => StringValue is null ? $"{DataType}: {BinaryValue.Length} bytes" : $"{DataType}: {StringValue}";
}
