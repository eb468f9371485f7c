using System.Globalization;
using System.Text.Json;

namespace ServiceAuth.Client.Testing.Internal.Sqs;

/// <summary>Writes one received message of a <c>ReceiveMessage</c> answer.</summary>
internal static class SqsMessageWriter
{
    public static void Write(Utf8JsonWriter w, SqsMessage message, bool systemAttributes, bool messageAttributes)
    {
        w.WriteStartObject();
        w.WriteString("MessageId", message.MessageId);
        w.WriteString("ReceiptHandle", message.ReceiptHandle);
        w.WriteString("MD5OfBody", SqsChecksums.OfBody(message.Body));
        w.WriteString("Body", message.Body);
        if (systemAttributes)
        {
            w.WriteStartObject("Attributes");
            w.WriteString("SenderId", message.SenderId);
            w.WriteString("SentTimestamp", SqsMessageHandler.Millis(message.SentAt));
            w.WriteString("ApproximateReceiveCount", message.ReceiveCount.ToString(CultureInfo.InvariantCulture));
            w.WriteString("ApproximateFirstReceiveTimestamp", SqsMessageHandler.Millis(message.FirstReceivedAt ?? message.SentAt));
            WriteIfSet(w, "MessageGroupId", message.MessageGroupId);
            WriteIfSet(w, "MessageDeduplicationId", message.MessageDeduplicationId);
            WriteIfSet(w, "SequenceNumber", message.SequenceNumber);
            w.WriteEndObject();
        }

        if (messageAttributes && message.Attributes.Count > 0)
        {
            w.WriteString("MD5OfMessageAttributes", SqsChecksums.OfAttributes(message.Attributes));
            w.WriteStartObject("MessageAttributes");
            foreach ((string name, DeliveredAttributeValue value) in message.Attributes)
            {
                w.WriteStartObject(name);
                if (value.DataType.StartsWith("Binary", StringComparison.Ordinal))
                {
                    w.WriteString("BinaryValue", Convert.ToBase64String(value.BinaryValue.Span));
                }
                else
                {
                    w.WriteString("StringValue", value.StringValue);
                }

                w.WriteString("DataType", value.DataType);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteIfSet(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }
}
