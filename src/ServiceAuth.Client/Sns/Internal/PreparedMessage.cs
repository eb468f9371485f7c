namespace ServiceAuth.Client.Sns.Internal;

/// <summary>A validated message, ready to be written as awsQuery parameters: the body in UTF-8 and its size as SNS counts
/// it (body plus attribute names, types and values).</summary>
internal sealed class PreparedMessage
{
    public required byte[] Body { get; init; }

    public required int Size { get; init; }

    public string? Subject { get; init; }

    public string? MessageStructure { get; init; }

    public required IReadOnlyList<KeyValuePair<string, SnsAttributeValue>> Attributes { get; init; }

    public string? MessageDeduplicationId { get; init; }

    public string? MessageGroupId { get; init; }
}
