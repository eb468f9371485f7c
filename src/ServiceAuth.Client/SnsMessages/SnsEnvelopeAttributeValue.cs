namespace ServiceAuth.Client.SnsMessages;

/// <summary>A message attribute as the SNS envelope carries it.</summary>
public sealed class SnsEnvelopeAttributeValue
{
    internal SnsEnvelopeAttributeValue(string type, string value)
    {
        Type = type;
        Value = value;
    }

    /// <summary>Gets the data type: <c>String</c>, <c>String.Array</c>, <c>Number</c> or <c>Binary</c>.</summary>
    public string Type { get; }

    /// <summary>Gets the value; base64 for <c>Binary</c>.</summary>
    public string Value { get; }
}
