namespace ServiceAuth.Client.Sns;

/// <summary>The SNS rule a message broke; see <see cref="SnsValidationException"/> and docs/sns.md (Limits).</summary>
public enum SnsValidationRule
{
    /// <summary>The body is empty or not valid text.</summary>
    MessageBody,

    /// <summary>The body plus all attribute names, types and values exceed <c>MaxMessageBytes</c>.</summary>
    MessageSize,

    /// <summary>More than 10 attributes.</summary>
    AttributeCount,

    /// <summary>An attribute name is empty, too long, has a character outside <c>[A-Za-z0-9_.-]</c>, starts or ends with
    /// <c>.</c>, has <c>..</c>, or starts with <c>AWS.</c> or <c>Amazon.</c>.</summary>
    AttributeName,

    /// <summary>An attribute data type is not <c>String</c>, <c>String.Array</c>, <c>Number</c> or <c>Binary</c>.</summary>
    AttributeType,

    /// <summary>An attribute value is empty or does not fit its type (a number, a JSON array).</summary>
    AttributeValue,

    /// <summary>The subject is empty, 100 characters or longer, or has a line break or control character.</summary>
    Subject,

    /// <summary>The message group id is missing on a FIFO topic, too long, or has characters other than printable ASCII.</summary>
    MessageGroupId,

    /// <summary>The deduplication id is missing on a FIFO topic without content-based deduplication, set on a standard
    /// topic, too long, or has characters other than printable ASCII.</summary>
    MessageDeduplicationId,

    /// <summary>The message structure is not <c>json</c>, or the body is not a JSON object with a <c>default</c> string.</summary>
    MessageStructure,
}
