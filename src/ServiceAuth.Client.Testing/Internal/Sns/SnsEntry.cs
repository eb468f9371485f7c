namespace ServiceAuth.Client.Testing.Internal.Sns;

/// <summary>One message of a Publish call or of a PublishBatch entry, as read from the form.</summary>
internal sealed class SnsEntry
{
    public string? Id { get; init; }

    public string? Message { get; init; }

    public string? Subject { get; init; }

    public string? MessageStructure { get; init; }

    public string? MessageGroupId { get; init; }

    public string? MessageDeduplicationId { get; init; }

    public Dictionary<string, DeliveredAttributeValue> Attributes { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets or sets the first attribute problem found while reading, as (code, message).</summary>
    public (string Code, string Message)? AttributeError { get; set; }

    /// <summary>Gets the size SNS counts against the limit: UTF-8 bytes of the body and of every attribute name, type and value.</summary>
    public int Size
    {
        get
        {
            int size = System.Text.Encoding.UTF8.GetByteCount(Message ?? string.Empty);
            foreach ((string name, DeliveredAttributeValue value) in Attributes)
            {
                size += System.Text.Encoding.UTF8.GetByteCount(name) + System.Text.Encoding.UTF8.GetByteCount(value.DataType)
                    + System.Text.Encoding.UTF8.GetByteCount(value.StringValue ?? string.Empty) + value.BinaryValue.Length;
            }

            return size;
        }
    }
}
