using System.Text.RegularExpressions;

namespace ServiceAuth.Client.Testing.Internal.Sns;

/// <summary>SNS input rules for one message (docs/reference A7). Returns (code, message) for the first violation.</summary>
internal static partial class SnsValidation
{
    public const int MaxMessageBytes = 262_144;

    public static (string Code, string Message)? CheckAttribute(string name, string? dataType, string? stringValue, string? binaryValue, bool duplicate)
    {
        if (name.Length == 0 || name.Length > 256 || !AttributeNamePattern().IsMatch(name) || name.StartsWith('.') || name.EndsWith('.')
            || name.Contains("..", StringComparison.Ordinal) || name.StartsWith("AWS.", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("Amazon.", StringComparison.OrdinalIgnoreCase) || duplicate)
        {
            return ("InvalidParameter", $"Invalid parameter: MessageAttributes Reason: The message attribute name '{name}' is invalid or duplicated.");
        }

        if (string.IsNullOrEmpty(dataType) || !DataTypePattern().IsMatch(dataType))
        {
            return ("ParameterValueInvalid", $"The message attribute '{name}' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.");
        }

        bool binary = dataType.StartsWith("Binary", StringComparison.Ordinal);
        if (binary ? string.IsNullOrEmpty(binaryValue) || !IsBase64(binaryValue) : string.IsNullOrEmpty(stringValue))
        {
            return ("ParameterValueInvalid", $"The message attribute '{name}' must contain non-empty message attribute value for message attribute type '{dataType}'.");
        }

        return null;
    }

    public static (string Code, string Message)? CheckMessage(SnsEntry entry, LocalTopic topic)
    {
        if (entry.AttributeError is { } attributeError)
        {
            return attributeError;
        }

        if (string.IsNullOrEmpty(entry.Message))
        {
            return ("InvalidParameter", "Invalid parameter: Empty message");
        }

        if (entry.Size > MaxMessageBytes)
        {
            return ("InvalidParameter", "Invalid parameter: Message too long");
        }

        if (entry.Subject is { } subject && (subject.Length == 0 || subject.Length >= 100 || subject.Any(char.IsControl)))
        {
            return ("InvalidParameter", "Invalid parameter: Subject");
        }

        if (topic.IsFifo && string.IsNullOrEmpty(entry.MessageGroupId))
        {
            return ("InvalidParameter", "Invalid parameter: The MessageGroupId parameter is required for FIFO topics");
        }

        if (topic.IsFifo && entry.MessageDeduplicationId is null && !topic.ContentBasedDeduplication)
        {
            return ("InvalidParameter", "Invalid parameter: The topic should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly");
        }

        if (!topic.IsFifo && entry.MessageDeduplicationId is not null)
        {
            return ("InvalidParameter", "Invalid parameter: MessageDeduplicationId Reason: The request includes MessageDeduplicationId parameter that is not valid for this topic type");
        }

        return null;
    }

    public static bool IsValidBatchId(string? id) => id is { Length: > 0 and <= 80 } && BatchIdPattern().IsMatch(id);

    private static bool IsBase64(string value) => Convert.TryFromBase64String(value, new byte[value.Length], out _);

    [GeneratedRegex(@"^[A-Za-z0-9_.\-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex AttributeNamePattern();

    [GeneratedRegex(@"^(String|Number|Binary)(\.[^\s]+)?$|^String\.Array$", RegexOptions.CultureInvariant)]
    private static partial Regex DataTypePattern();

    [GeneratedRegex(@"^[A-Za-z0-9_\-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex BatchIdPattern();
}
