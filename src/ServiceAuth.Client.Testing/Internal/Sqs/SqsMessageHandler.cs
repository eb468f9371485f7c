using System.Globalization;
using System.Text.Json;
using ServiceAuth.Client.Testing.Internal.Auth;
using ServiceAuth.Client.Testing.Internal.Identity;

namespace ServiceAuth.Client.Testing.Internal.Sqs;

/// <summary>SQS <c>SendMessage</c>, <c>ReceiveMessage</c> (no long polling: it answers at once) and <c>DeleteMessage</c>.</summary>
internal static class SqsMessageHandler
{
    private const int MaxBodyBytes = 1_048_576;

    public static WireResponse Send(EndpointState state, SqsQueue queue, JsonElement body, KeyRecord caller)
    {
        string? text = SqsHandler.Text(body, "MessageBody");
        if (string.IsNullOrEmpty(text))
        {
            return SqsJson.MissingParameter("MessageBody");
        }

        if (System.Text.Encoding.UTF8.GetByteCount(text) > MaxBodyBytes)
        {
            return SqsJson.InvalidParameter($"One or more parameters are invalid. Reason: Message must be shorter than {MaxBodyBytes} bytes.");
        }

        string? group = SqsHandler.Text(body, "MessageGroupId");
        string? deduplication = SqsHandler.Text(body, "MessageDeduplicationId");
        if (queue.IsFifo && group is null)
        {
            return SqsJson.MissingParameter("MessageGroupId");
        }

        if (queue.IsFifo && deduplication is null && !queue.ContentBasedDeduplication)
        {
            return SqsJson.InvalidParameter("The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly");
        }

        // A FIFO duplicate answers with the first message's id, and with the digests of what this request sent.
        Dictionary<string, DeliveredAttributeValue> attributes = ReadAttributes(body);
        SqsMessage message = Enqueue(state, queue, text, attributes, group, deduplication, caller.UserId);
        return SqsJson.Success(w =>
        {
            w.WriteString("MD5OfMessageBody", SqsChecksums.OfBody(text));
            if (SqsChecksums.OfAttributes(attributes) is { } md5)
            {
                w.WriteString("MD5OfMessageAttributes", md5);
            }

            w.WriteString("MessageId", message.MessageId);
            if (message.SequenceNumber is not null)
            {
                w.WriteString("SequenceNumber", message.SequenceNumber);
            }
        });
    }

    /// <summary>Adds a message to a queue (an API call or an SNS delivery), deduplicating on FIFO queues.</summary>
    public static SqsMessage Enqueue(EndpointState state, SqsQueue queue, string body, IReadOnlyDictionary<string, DeliveredAttributeValue> attributes, string? group, string? deduplication, string senderId)
    {
        if (queue.IsFifo && deduplication is null && queue.ContentBasedDeduplication)
        {
            deduplication = SigV4Crypto.Sha256Hex(body);
        }

        DateTimeOffset now = state.Now;
        return queue.Send(
            sequence => new SqsMessage
            {
                MessageId = Guid.NewGuid().ToString(),
                Body = body,
                Attributes = attributes,
                MessageGroupId = group,
                MessageDeduplicationId = deduplication,
                SequenceNumber = sequence,
                SenderId = senderId,
                SentAt = now,
            },
            queue.IsFifo ? deduplication : null,
            now);
    }

    public static WireResponse Receive(EndpointState state, SqsQueue queue, JsonElement body)
    {
        int max = body.TryGetProperty("MaxNumberOfMessages", out JsonElement m) && m.TryGetInt32(out int n) ? n : 1;
        if (max is < 1 or > 10)
        {
            return SqsJson.InvalidParameter($"Value {max} for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.");
        }

        TimeSpan visibility = body.TryGetProperty("VisibilityTimeout", out JsonElement v) && v.TryGetInt32(out int seconds)
            ? TimeSpan.FromSeconds(seconds)
            : queue.VisibilityTimeout;
        DateTimeOffset now = state.Now;
        List<SqsMessage> messages = queue.Receive(max, visibility, now);
        bool systemAttributes = Names(body, "MessageSystemAttributeNames").Concat(Names(body, "AttributeNames")).Any();
        bool messageAttributes = Names(body, "MessageAttributeNames").Any();
        return SqsJson.Success(w =>
        {
            w.WriteStartArray("Messages");
            foreach (SqsMessage message in messages)
            {
                SqsMessageWriter.Write(w, message, systemAttributes, messageAttributes);
            }

            w.WriteEndArray();
        });
    }

    public static WireResponse Delete(SqsQueue queue, JsonElement body)
    {
        string? handle = SqsHandler.Text(body, "ReceiptHandle");
        if (handle is null)
        {
            return SqsJson.MissingParameter("ReceiptHandle");
        }

        return queue.Delete(handle)
            ? SqsJson.Empty()
            : SqsJson.Error("ReceiptHandleIsInvalid", $"The input receipt handle \"{handle}\" is not a valid receipt handle.", "ReceiptHandleIsInvalid");
    }

    private static IEnumerable<string> Names(JsonElement body, string name) =>
        body.TryGetProperty(name, out JsonElement list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(e => e.GetString() ?? string.Empty)
            : [];

    private static Dictionary<string, DeliveredAttributeValue> ReadAttributes(JsonElement body)
    {
        var result = new Dictionary<string, DeliveredAttributeValue>(StringComparer.Ordinal);
        if (body.TryGetProperty("MessageAttributes", out JsonElement map) && map.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty property in map.EnumerateObject())
            {
                string type = SqsHandler.Text(property.Value, "DataType") ?? "String";
                string? binary = SqsHandler.Text(property.Value, "BinaryValue");
                result[property.Name] = new DeliveredAttributeValue(type, SqsHandler.Text(property.Value, "StringValue"), binary is null ? ReadOnlyMemory<byte>.Empty : Convert.FromBase64String(binary));
            }
        }

        return result;
    }

    internal static string Millis(DateTimeOffset at) => at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
}
