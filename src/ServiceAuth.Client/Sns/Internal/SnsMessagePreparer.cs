using Microsoft.Extensions.Logging;
using ServiceAuth.Client.Diagnostics;

namespace ServiceAuth.Client.Sns.Internal;

/// <summary>Serializes and validates messages before anything is sent, and adds the trace context attribute.</summary>
internal sealed class SnsMessagePreparer<TMessage>(SnsPublisherSettings<TMessage> settings, ILogger logger)
{
    public const string TraceParentAttribute = "traceparent";

    private int _traceSkipLogged;

    public PreparedMessage Prepare(TMessage message, int? index, string? traceParent) => Prepare(new SnsMessage<TMessage>(message), index, traceParent);

    public PreparedMessage Prepare(SnsMessage<TMessage> message, int? index, string? traceParent)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Body is null)
        {
            throw Fail(SnsValidationRule.MessageBody, "(null)", index, "the body must not be null");
        }

        byte[] body = settings.Serialize(message.Body) ?? throw Fail(SnsValidationRule.MessageBody, "(text)", index, "the body has a lone surrogate and cannot be sent as UTF-8");
        if (body.Length == 0)
        {
            throw Fail(SnsValidationRule.MessageBody, "(empty)", index, "the body must not be empty");
        }

        if (message.Subject is { } subject && SnsMessageRules.CheckSubject(subject) is { } subjectProblem)
        {
            throw Fail(SnsValidationRule.Subject, subject, index, $"Subject '{SnsText.Shorten(subject)}' {subjectProblem}");
        }

        CheckStructure(message.MessageStructure, body, index);
        var attributes = new List<KeyValuePair<string, SnsAttributeValue>>(message.MessageAttributes.Count + 1);
        int size = body.Length + CheckAttributes(message.MessageAttributes, attributes, index);
        CheckFifo(message, index);
        if (size > settings.MaxMessageBytes)
        {
            throw Fail(SnsValidationRule.MessageSize, $"{size} bytes", index,
                $"the body plus attributes is {size} bytes, over the topic's limit of {settings.MaxMessageBytes} bytes (MaxMessageBytes); offload large payloads to S3");
        }

        if (traceParent is not null)
        {
            size += AddTraceContext(attributes, traceParent, size);
        }

        return new PreparedMessage
        {
            Body = body,
            Size = size,
            Subject = message.Subject,
            MessageStructure = message.MessageStructure,
            Attributes = attributes,
            MessageDeduplicationId = message.MessageDeduplicationId,
            MessageGroupId = message.MessageGroupId,
        };
    }

    private static SnsValidationException Fail(SnsValidationRule rule, string? value, int? index, string detail) =>
        new(rule, SnsText.Shorten(value), index, $"SNS message{(index is null ? string.Empty : $" #{index}")} breaks rule {rule}: {detail}. Nothing was published.");

    private static void CheckStructure(string? structure, byte[] body, int? index)
    {
        if (structure is null)
        {
            return;
        }

        if (structure != "json")
        {
            throw Fail(SnsValidationRule.MessageStructure, structure, index, $"MessageStructure '{SnsText.Shorten(structure)}' must be \"json\" or null");
        }

        if (!SnsMessageRules.IsStructuredJson(body))
        {
            throw Fail(SnsValidationRule.MessageStructure, "json", index, "with MessageStructure \"json\" the body must be a JSON object with a \"default\" string, for example {\"default\":\"...\",\"sqs\":\"...\"}");
        }
    }

    private static int CheckAttributes(IDictionary<string, SnsAttributeValue> source, List<KeyValuePair<string, SnsAttributeValue>> target, int? index)
    {
        if (source.Count > SnsMessageRules.MaxAttributes)
        {
            throw Fail(SnsValidationRule.AttributeCount, source.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), index,
                $"{source.Count} message attributes, more than {SnsMessageRules.MaxAttributes} (SQS raw delivery drops such messages); pack several values into one attribute");
        }

        int size = 0;
        foreach (KeyValuePair<string, SnsAttributeValue> pair in source)
        {
            (string name, SnsAttributeValue? attribute) = pair;
            if (SnsMessageRules.CheckAttributeName(name) is { } nameProblem)
            {
                throw Fail(SnsValidationRule.AttributeName, name, index, $"attribute name '{SnsText.Shorten(name)}' {nameProblem}");
            }

            if (attribute is null || !SnsMessageRules.IsKnownDataType(attribute.DataType))
            {
                throw Fail(SnsValidationRule.AttributeType, attribute?.DataType, index,
                    $"attribute '{name}' has data type '{SnsText.Shorten(attribute?.DataType)}'; use String, String.Array, Number or Binary");
            }

            int valueBytes = attribute.StringValue is { } text ? SnsText.Utf8Length(text) : attribute.BinaryValue.Length;
            string? valueProblem = valueBytes < 0 ? "the value has a lone surrogate and cannot be sent as UTF-8" : SnsMessageRules.CheckAttributeValue(attribute);
            if (valueProblem is not null)
            {
                throw Fail(SnsValidationRule.AttributeValue, attribute.StringValue ?? string.Empty, index, $"attribute '{name}' ({attribute.DataType}): {valueProblem}");
            }

            size += name.Length + attribute.DataType.Length + valueBytes;
            target.Add(pair);
        }

        return size;
    }

    private void CheckFifo(SnsMessage<TMessage> message, int? index)
    {
        if (message.MessageGroupId is { } group && SnsMessageRules.CheckFifoId(group) is { } groupProblem)
        {
            throw Fail(SnsValidationRule.MessageGroupId, group, index, $"MessageGroupId '{SnsText.Shorten(group)}' {groupProblem}");
        }

        if (message.MessageDeduplicationId is { } dedup && SnsMessageRules.CheckFifoId(dedup) is { } dedupProblem)
        {
            throw Fail(SnsValidationRule.MessageDeduplicationId, dedup, index, $"MessageDeduplicationId '{SnsText.Shorten(dedup)}' {dedupProblem}");
        }

        string topic = settings.Topic.Name;
        if (!settings.Topic.IsFifo)
        {
            if (message.MessageDeduplicationId is { } stray)
            {
                throw Fail(SnsValidationRule.MessageDeduplicationId, stray, index, $"MessageDeduplicationId is only valid on FIFO topics, and '{topic}' is a standard topic");
            }

            return;
        }

        if (message.MessageGroupId is null)
        {
            throw Fail(SnsValidationRule.MessageGroupId, null, index, $"FIFO topic '{topic}' needs a MessageGroupId on every message");
        }

        if (message.MessageDeduplicationId is null && !settings.ContentBasedDeduplication)
        {
            throw Fail(SnsValidationRule.MessageDeduplicationId, null, index,
                $"FIFO topic '{topic}' needs a MessageDeduplicationId unless the topic has content-based deduplication (then set ContentBasedDeduplication = true)");
        }
    }

    private int AddTraceContext(List<KeyValuePair<string, SnsAttributeValue>> attributes, string traceParent, int size)
    {
        if (attributes.Exists(a => a.Key == TraceParentAttribute))
        {
            return 0;
        }

        int added = TraceParentAttribute.Length + "String".Length + traceParent.Length;
        if (attributes.Count >= SnsMessageRules.MaxAttributes || size + added > settings.MaxMessageBytes)
        {
            if (Interlocked.Exchange(ref _traceSkipLogged, 1) == 0)
            {
                Log.SnsTraceContextSkipped(logger, settings.Topic.Name, attributes.Count);
            }

            return 0;
        }

        attributes.Add(new(TraceParentAttribute, SnsAttributeValue.FromString(traceParent)));
        return added;
    }
}
