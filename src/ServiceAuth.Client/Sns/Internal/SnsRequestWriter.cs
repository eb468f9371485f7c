namespace ServiceAuth.Client.Sns.Internal;

/// <summary>
/// Writes <c>Publish</c> and <c>PublishBatch</c> as awsQuery parameters, in the order <c>@aws-sdk/client-sns</c> sends
/// them (checked against the committed corpus, tests/ServiceAuth.Client.Tests/Data/sns/publish-corpus.json): Action,
/// Version, then Message and TopicArn, Subject, MessageStructure, MessageAttributes.entry.N, MessageDeduplicationId,
/// MessageGroupId; a batch sends TopicArn, then PublishBatchRequestEntries.member.N with Id first.
/// </summary>
internal static class SnsRequestWriter
{
    public const string Version = "2010-03-31";

    public static void WritePublish(FormWriter form, string topicArn, PreparedMessage message)
    {
        form.Add([], "Action", "Publish");
        form.Add([], "Version", Version);
        form.Add([], "Message", message.Body);
        form.Add([], "TopicArn", topicArn);
        WriteOptionalFields(form, [], message);
    }

    public static void WritePublishBatch(FormWriter form, string topicArn, IReadOnlyList<KeyValuePair<string, PreparedMessage>> entries)
    {
        form.Add([], "Action", "PublishBatch");
        form.Add([], "Version", Version);
        form.Add([], "TopicArn", topicArn);
        Span<char> prefix = stackalloc char[64];
        for (int i = 0; i < entries.Count; i++)
        {
            prefix.TryWrite($"PublishBatchRequestEntries.member.{i + 1}.", out int length);
            form.Add(prefix[..length], "Id", entries[i].Key);
            form.Add(prefix[..length], "Message", entries[i].Value.Body);
            WriteOptionalFields(form, prefix[..length], entries[i].Value);
        }
    }

    private static void WriteOptionalFields(FormWriter form, ReadOnlySpan<char> prefix, PreparedMessage message)
    {
        if (message.Subject is { } subject)
        {
            form.Add(prefix, "Subject", subject);
        }

        if (message.MessageStructure is { } structure)
        {
            form.Add(prefix, "MessageStructure", structure);
        }

        Span<char> entry = stackalloc char[128];
        for (int i = 0; i < message.Attributes.Count; i++)
        {
            (string name, SnsAttributeValue attribute) = message.Attributes[i];
            entry.TryWrite($"{prefix}MessageAttributes.entry.{i + 1}.", out int length);
            form.Add(entry[..length], "Name", name);
            form.Add(entry[..length], "Value.DataType", attribute.DataType);
            if (attribute.StringValue is { } text)
            {
                form.Add(entry[..length], "Value.StringValue", text);
            }
            else
            {
                form.Add(entry[..length], "Value.BinaryValue", Convert.ToBase64String(attribute.BinaryValue.Span));
            }
        }

        if (message.MessageDeduplicationId is { } dedup)
        {
            form.Add(prefix, "MessageDeduplicationId", dedup);
        }

        if (message.MessageGroupId is { } group)
        {
            form.Add(prefix, "MessageGroupId", group);
        }
    }
}
