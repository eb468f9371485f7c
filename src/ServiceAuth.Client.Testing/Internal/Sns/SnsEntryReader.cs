namespace ServiceAuth.Client.Testing.Internal.Sns;

/// <summary>Reads a message and its <c>MessageAttributes.entry.N.*</c> map from awsQuery form fields.</summary>
internal static class SnsEntryReader
{
    public static SnsEntry Read(Dictionary<string, string> form, string prefix)
    {
        var entry = new SnsEntry
        {
            Id = form.GetValueOrDefault(prefix + "Id"),
            Message = form.GetValueOrDefault(prefix + "Message"),
            Subject = form.GetValueOrDefault(prefix + "Subject"),
            MessageStructure = form.GetValueOrDefault(prefix + "MessageStructure"),
            MessageGroupId = form.GetValueOrDefault(prefix + "MessageGroupId"),
            MessageDeduplicationId = form.GetValueOrDefault(prefix + "MessageDeduplicationId"),
        };

        for (int n = 1; form.TryGetValue($"{prefix}MessageAttributes.entry.{n}.Name", out string? name); n++)
        {
            string at = $"{prefix}MessageAttributes.entry.{n}.Value.";
            string? dataType = form.GetValueOrDefault(at + "DataType");
            string? stringValue = form.GetValueOrDefault(at + "StringValue");
            string? binaryText = form.GetValueOrDefault(at + "BinaryValue");
            (string, string)? error = SnsValidation.CheckAttribute(name, dataType, stringValue, binaryText, entry.Attributes.ContainsKey(name));
            if (error is not null)
            {
                entry.AttributeError ??= error;
                continue;
            }

            byte[] binary = binaryText is null ? [] : Convert.FromBase64String(binaryText);
            entry.Attributes[name] = new DeliveredAttributeValue(dataType!, stringValue, binary);
        }

        return entry;
    }
}
