namespace ServiceAuth.Client.Testing;

/// <summary>A message attribute as SNS received it.</summary>
public sealed class DeliveredAttributeValue
{
    internal DeliveredAttributeValue(string dataType, string? stringValue, ReadOnlyMemory<byte> binaryValue)
    {
        DataType = dataType;
        StringValue = stringValue;
        BinaryValue = binaryValue;
    }

    /// <summary>Gets the data type: <c>String</c>, <c>String.Array</c>, <c>Number</c> or <c>Binary</c> (with an optional custom suffix).</summary>
    public string DataType { get; }

    /// <summary>Gets the value of a String, String.Array or Number attribute.</summary>
    public string? StringValue { get; }

    /// <summary>Gets the decoded bytes of a Binary attribute; empty otherwise.</summary>
    public ReadOnlyMemory<byte> BinaryValue { get; }
}
